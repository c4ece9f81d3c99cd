#include "tensorflow/lite/micro/micro_format.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace tflite {
namespace {

// Appends to a bounded buffer while counting what a large enough buffer
// would have held.
class Sink {
 public:
  Sink(char* buffer, size_t size) : buffer_(buffer), size_(size) {}
  void Put(char c) {
    if (buffer_ != nullptr && length_ + 1 < size_) buffer_[length_] = c;
    ++length_;
  }
  void Repeat(char c, int count) {
    for (int i = 0; i < count; ++i) Put(c);
  }
  void Finish() {
    if (buffer_ == nullptr || size_ == 0) return;
    buffer_[length_ < size_ ? length_ : size_ - 1] = '\0';
  }
  size_t length() const { return length_; }

 private:
  char* buffer_;
  size_t size_;
  size_t length_ = 0;
};

struct Spec {
  bool left = false;
  bool zero = false;
  bool plus = false;
  bool space = false;
  bool alternate = false;
  int width = 0;
  int precision = -1;
};

// Writes what precedes a body of `body_length` characters: the padding
// before it, `sign`, `prefix` and, for `numeric` bodies with the 0 flag,
// zeros. Returns the padding that goes after the body.
int EmitStart(Sink& out, const Spec& spec, char sign, const char* prefix,
              int body_length, bool numeric) {
  int prefix_length = 0;
  while (prefix[prefix_length] != '\0') ++prefix_length;
  const int length = (sign != 0) + prefix_length + body_length;
  const int padding = spec.width > length ? spec.width - length : 0;
  const bool zero_pad = numeric && spec.zero && !spec.left;
  if (!spec.left && !zero_pad) out.Repeat(' ', padding);
  if (sign != 0) out.Put(sign);
  for (int i = 0; i < prefix_length; ++i) out.Put(prefix[i]);
  if (zero_pad) out.Repeat('0', padding);
  return spec.left ? padding : 0;
}

// Writes `sign` + `prefix` + `body` padded to the spec's width. `body` may
// be zero-padded (numbers) when `numeric`.
void Emit(Sink& out, const Spec& spec, char sign, const char* prefix,
          const char* body, int body_length, bool numeric) {
  const int after = EmitStart(out, spec, sign, prefix, body_length, numeric);
  for (int i = 0; i < body_length; ++i) out.Put(body[i]);
  out.Repeat(' ', after);
}

// Digits of `value` in `base`, most significant first; returns the count.
int Digits(uint64_t value, unsigned base, bool upper, char* digits) {
  const char* symbols = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char reversed[24];
  int count = 0;
  do {
    reversed[count++] = symbols[value % base];
    value /= base;
  } while (value != 0);
  for (int i = 0; i < count; ++i) digits[i] = reversed[count - 1 - i];
  return count;
}

void FormatInteger(Sink& out, Spec spec, bool negative, uint64_t magnitude,
                   unsigned base, bool upper, const char* prefix) {
  char digits[32];
  int count = 0;
  // Precision: at least that many digits ("%.0d" of 0 prints nothing).
  if (!(spec.precision == 0 && magnitude == 0)) {
    char raw[24];
    const int raw_count = Digits(magnitude, base, upper, raw);
    const int minimum = spec.precision > raw_count && spec.precision < 30
                            ? spec.precision
                            : raw_count;
    for (int i = raw_count; i < minimum; ++i) digits[count++] = '0';
    for (int i = 0; i < raw_count; ++i) digits[count++] = raw[i];
  }
  if (spec.precision >= 0) spec.zero = false;
  const char sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : 0;
  Emit(out, spec, sign, magnitude == 0 ? "" : prefix, digits, count, true);
}

// Floating point, exactly and with integers only.
//
// A finite double is mantissa * 2^exponent (mantissa < 2^53, -1074 <=
// exponent <= 971), whose decimal expansion is finite: at most 309 integer
// digits and 1074 fraction digits. DecimalDigits produces that expansion
// digit by digit, most significant first. A conversion reads it from the
// start a few times: to find the leading digit; to decide how the printed
// digits round (by the digit after the last printed one and whether any
// nonzero digit follows: exact ties go to even, as with glibc's default
// rounding mode), once more for %g's choice of style; and twice to write
// them, measuring the length for the padding and then writing. No floating
// point arithmetic is involved, so every target prints the same text.
//
// Cost on a Cortex-M4 (GCC -Os): about 1.4 KB of code, no library calls;
// about 370 bytes of stack below MicroVsnprintf's frame (FormatFloat 264
// with the 160-byte DecimalDigits, then Write, Reset, FractionDigit).

constexpr uint32_t kBillion = 1000000000;

// Digit p of the expansion is the digit of 10^p.
class DecimalDigits {
 public:
  // Holds mantissa * 2^exponent; the next Next() returns the digit at
  // `position`.
  void Reset(uint64_t mantissa, int exponent, int position) {
    // The integer part, in base 10^9 (least significant chunk first) in
    // words_[0, chunks_): its bits are fed in one at a time, most significant
    // first, each doubling the chunks, followed by `exponent` zero bits.
    const int shift = exponent < 0 ? -exponent : 0;
    uint64_t bits = shift < 64 ? mantissa >> shift : 0;
    chunks_ = 0;
    for (int count = 64 + (exponent > 0 ? exponent : 0); count > 0; --count) {
      uint32_t carry = static_cast<uint32_t>(bits >> 63);
      bits <<= 1;
      for (int i = 0; i < chunks_; ++i) {
        const uint32_t doubled = words_[i] * 2 + carry;
        carry = doubled >= kBillion;
        words_[i] = doubled - carry * kBillion;
      }
      if (carry != 0) words_[chunks_++] = carry;
    }
    // The fraction, a binary fraction in words_[chunks_, end_) (least
    // significant word first) aligned so that its point is above the last
    // word: multiplying it by 10 carries the next digit out of it. With a
    // fraction the integer part is below 2^53 (2 chunks), and the fraction
    // has at most 1074 bits (34 words), so 36 words hold every double.
    low_ = chunks_;
    end_ = chunks_ + (shift + 31) / 32;
    for (int i = low_; i < end_; ++i) words_[i] = 0;
    // The mantissa's low `shift` bits, its fraction, end at the top word.
    bits = mantissa;
    for (unsigned at = (end_ - low_) * 32 - shift; at < (end_ - low_) * 32u;
         ++at) {
      words_[low_ + at / 32] |= static_cast<uint32_t>(bits & 1) << (at % 32);
      bits >>= 1;
    }
    // Fraction digits come in order: skip those above `position`.
    for (int p = -1; p > position; --p) FractionDigit();
    position_ = position;
  }

  int Next() {
    const int position = position_--;
    return position >= 0 ? IntegerDigit(position) : FractionDigit();
  }

  // Whether every digit after the last one Next() returned is zero.
  bool RestIsZero() {
    for (int p = position_; p >= 0; --p) {
      if (IntegerDigit(p) != 0) return false;
    }
    while (low_ < end_ && words_[low_] == 0) ++low_;
    return low_ == end_;
  }

 private:
  int IntegerDigit(int position) const {
    if (position / 9 >= chunks_) return 0;
    uint32_t chunk = words_[position / 9];
    for (int i = position % 9; i > 0; --i) chunk /= 10;
    return static_cast<int>(chunk % 10);
  }

  int FractionDigit() {
    // Each step adds a zero bit at the bottom: zero words stay zero.
    while (low_ < end_ && words_[low_] == 0) ++low_;
    uint32_t carry = 0;
    for (int i = low_; i < end_; ++i) {
      const uint64_t product = uint64_t{words_[i]} * 10 + carry;
      words_[i] = static_cast<uint32_t>(product);
      carry = static_cast<uint32_t>(product >> 32);
    }
    return static_cast<int>(carry);
  }

  uint32_t words_[36];
  int chunks_;
  int low_;  // fraction words below low_ are zero
  int end_;
  int position_;
};

// One float conversion: which digits it prints and how they round.
struct FloatText {
  // Reads the digits from position `top` (the units in fixed notation, else
  // the leading digit) to `last`, and how they round there: up when the
  // digits after `last` exceed half a unit, or equal it and the digit at
  // `last` is odd (ties to even).
  void Round(int top_position, int last_position) {
    top = top_position;
    last = last_position;
    nine = nonzero = top + 1;
    digits.Reset(mantissa, exponent, top);
    int digit = 0;
    for (int p = top; p >= last; --p) {
      digit = digits.Next();
      if (digit != 9) nine = p;
      if (digit != 0) nonzero = p;
    }
    const int next = digits.Next();
    up = next > 5 || (next == 5 && ((digit & 1) != 0 || !digits.RestIsZero()));
    // Rounding up adds one at the lowest digit that is not 9 (a new leading
    // 1 when all are 9) and zeros the 9s after it.
    if (up) nonzero = nine;
  }

  // Whether rounding carried into a new leading digit (9.96 -> 10.0).
  bool Carry() const { return up && nine > top; }

  // Writes the rounded digits with a point after the units (fixed) or after
  // the leading digit followed by the exponent (exponential). `strip` drops
  // trailing fraction zeros, and then a bare point.
  void Write(Sink& out) {
    const int from = top + Carry();
    int to = exponential ? last + Carry() : last;
    const int point = exponential ? from : 0;
    if (strip) {
      if (to < nonzero) to = nonzero;
      if (to > point) to = point;
    }
    digits.Reset(mantissa, exponent, top);
    for (int p = from; p >= to; --p) {
      int digit = p > top ? 0 : digits.Next();
      if (up && p <= nine) digit = p == nine ? digit + 1 : 0;
      out.Put(static_cast<char>('0' + digit));
      if (p == point && (p > to || alternate)) out.Put('.');
    }
    if (exponential) {
      out.Put(upper ? 'E' : 'e');
      out.Put(from < 0 ? '-' : '+');
      const int magnitude = from < 0 ? -from : from;
      if (magnitude >= 100) out.Put(static_cast<char>('0' + magnitude / 100));
      out.Put(static_cast<char>('0' + magnitude / 10 % 10));
      out.Put(static_cast<char>('0' + magnitude % 10));
    }
  }

  DecimalDigits digits;
  uint64_t mantissa;
  int exponent;
  bool upper;
  bool alternate;
  bool exponential;
  bool strip = false;
  // Set by Round().
  int top;
  int last;
  bool up;
  int nine;     // lowest position whose digit is not 9 (top + 1: none)
  int nonzero;  // lowest nonzero position once rounded (top + 1: none)
};

// Out of line: its state stays off the stack of messages without floats.
#if defined(__GNUC__)
__attribute__((noinline))
#endif
void FormatFloat(Sink& out, const Spec& spec, char conversion,
                 double number) {
  uint64_t bits;
  std::memcpy(&bits, &number, sizeof(bits));
  FloatText text;
  text.upper = conversion < 'a';
  text.alternate = spec.alternate;
  const char sign = (bits >> 63) != 0 ? '-'
                    : spec.plus       ? '+'
                    : spec.space      ? ' '
                                      : 0;
  const int field = static_cast<int>(bits >> 52) & 0x7ff;
  text.mantissa = bits & ((uint64_t{1} << 52) - 1);
  if (field == 0x7ff) {
    Emit(out, spec, sign, "",
         &"infnanINFNAN"[(text.mantissa != 0 ? 3 : 0) + (text.upper ? 6 : 0)],
         3, false);
    return;
  }
  if (field != 0) text.mantissa |= uint64_t{1} << 52;
  // Subnormals share the smallest normal exponent.
  text.exponent = (field != 0 ? field : 1) - 1075;
  // The position of the leading nonzero digit (0 for zero). No double
  // reaches 10^309.
  int leading = 0;
  if (text.mantissa != 0) {
    text.digits.Reset(text.mantissa, text.exponent, 308);
    for (leading = 308; text.digits.Next() == 0;) --leading;
  }
  // printf prints every digit asked for; past 4096 they are not honoured.
  int precision = spec.precision < 0      ? 6
                  : spec.precision > 4096 ? 4096
                                          : spec.precision;
  text.exponential = (conversion | 0x20) == 'e';
  if ((conversion | 0x20) == 'g') {
    // Exponent notation unless the exponent after rounding to `precision`
    // significant digits is in [-4, precision).
    if (precision == 0) precision = 1;
    text.Round(leading, leading - precision + 1);
    const int rounded = leading + text.Carry();
    text.exponential = rounded < -4 || rounded >= precision;
    precision -= text.exponential ? 1 : rounded + 1;
    text.strip = !spec.alternate;
  }
  // Fixed notation prints from the units (or the leading digit) down to
  // 10^-precision; exponential, from the leading digit `precision` more.
  const int first = text.exponential || leading > 0 ? leading : 0;
  text.Round(first, (text.exponential ? leading : 0) - precision);
  // Measure, then write.
  Sink counter(nullptr, 0);
  text.Write(counter);
  const int after =
      EmitStart(out, spec, sign, "", static_cast<int>(counter.length()), true);
  text.Write(out);
  out.Repeat(' ', after);
}

}  // namespace

int MicroVsnprintf(char* buffer, size_t size, const char* format,
                   va_list args) {
  Sink out(buffer, size);
  va_list list;
  va_copy(list, args);
  for (const char* p = format; *p != '\0'; ++p) {
    if (*p != '%') {
      out.Put(*p);
      continue;
    }
    const char* start = p++;
    Spec spec;
    for (;; ++p) {
      if (*p == '-') {
        spec.left = true;
      } else if (*p == '0') {
        spec.zero = true;
      } else if (*p == '+') {
        spec.plus = true;
      } else if (*p == ' ') {
        spec.space = true;
      } else if (*p == '#') {
        spec.alternate = true;
      } else {
        break;
      }
    }
    if (*p == '*') {
      spec.width = va_arg(list, int);
      if (spec.width < 0) {
        spec.left = true;
        spec.width = -spec.width;
      }
      ++p;
    } else {
      while (*p >= '0' && *p <= '9') {
        spec.width = spec.width * 10 + (*p++ - '0');
        if (spec.width > 4096) spec.width = 4096;
      }
    }
    if (*p == '.') {
      ++p;
      spec.precision = 0;
      if (*p == '*') {
        spec.precision = va_arg(list, int);
        ++p;
      } else {
        while (*p >= '0' && *p <= '9') {
          spec.precision = spec.precision * 10 + (*p++ - '0');
          if (spec.precision > 4096) spec.precision = 4096;
        }
      }
    }
    // Length modifiers: 0 int, 1 long, 2 long long, 3 size_t, 4 ptrdiff_t,
    // 5 intmax_t, -1 short, -2 char. (size_t and ptrdiff_t are 32 bits on
    // Cortex-M, 64 on 64-bit hosts: each is read as its own type.)
    int length = 0;
    if (*p == 'h') {
      length = -1;
      if (*++p == 'h') {
        length = -2;
        ++p;
      }
    } else if (*p == 'l') {
      length = 1;
      if (*++p == 'l') {
        length = 2;
        ++p;
      }
    } else if (*p == 'z' || *p == 't' || *p == 'j') {
      length = *p == 'z' ? 3 : *p == 't' ? 4 : 5;
      ++p;
    } else if (*p == 'L') {
      ++p;  // long double is not used; read as double
    }
    const char conversion = *p;
    switch (conversion) {
      case 'd':
      case 'i': {
        int64_t value;
        if (length == 1) {
          value = va_arg(list, long);
        } else if (length == 2) {
          value = va_arg(list, long long);
        } else if (length == 3) {
          value = va_arg(list, std::make_signed<size_t>::type);
        } else if (length == 4) {
          value = va_arg(list, ptrdiff_t);
        } else if (length == 5) {
          value = va_arg(list, intmax_t);
        } else {
          value = va_arg(list, int);
          if (length == -1) value = static_cast<short>(value);
          if (length == -2) value = static_cast<signed char>(value);
        }
        const uint64_t magnitude =
            value < 0 ? static_cast<uint64_t>(0) - static_cast<uint64_t>(value)
                      : static_cast<uint64_t>(value);
        FormatInteger(out, spec, value < 0, magnitude, 10, false, "");
        break;
      }
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        uint64_t value;
        if (length == 1) {
          value = va_arg(list, unsigned long);
        } else if (length == 2) {
          value = va_arg(list, unsigned long long);
        } else if (length == 3) {
          value = va_arg(list, size_t);
        } else if (length == 4) {
          value = va_arg(list, std::make_unsigned<ptrdiff_t>::type);
        } else if (length == 5) {
          value = va_arg(list, uintmax_t);
        } else {
          value = va_arg(list, unsigned);
          if (length == -1) value = static_cast<unsigned short>(value);
          if (length == -2) value = static_cast<unsigned char>(value);
        }
        spec.plus = spec.space = false;
        const unsigned base = conversion == 'o' ? 8 : conversion == 'u' ? 10
                                                                         : 16;
        const char* prefix = !spec.alternate      ? ""
                             : conversion == 'x' ? "0x"
                             : conversion == 'X' ? "0X"
                             : conversion == 'o' ? "0"
                                                  : "";
        FormatInteger(out, spec, false, value, base, conversion == 'X',
                      prefix);
        break;
      }
      case 'p': {
        const uintptr_t value =
            reinterpret_cast<uintptr_t>(va_arg(list, void*));
        spec.alternate = true;
        FormatInteger(out, spec, false, value, 16, false, "0x");
        break;
      }
      case 'c': {
        const char c = static_cast<char>(va_arg(list, int));
        Emit(out, spec, 0, "", &c, 1, false);
        break;
      }
      case 's': {
        const char* text = va_arg(list, const char*);
        if (text == nullptr) text = "(null)";
        int text_length = 0;
        while (text[text_length] != '\0' &&
               (spec.precision < 0 || text_length < spec.precision)) {
          ++text_length;
        }
        Emit(out, spec, 0, "", text, text_length, false);
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        FormatFloat(out, spec, conversion, va_arg(list, double));
        break;
      case '%':
        out.Put('%');
        break;
      default:
        // Unknown or truncated: copy the directive as it stands.
        for (const char* q = start; q <= p && *q != '\0'; ++q) out.Put(*q);
        if (*p == '\0') --p;
        break;
    }
  }
  va_end(list);
  out.Finish();
  return static_cast<int>(out.length());
}

}  // namespace tflite
