#include "tensorflow/lite/micro/micro_format.h"

#include <cstddef>
#include <cstdint>
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

// Writes `sign` + `prefix` + `body` padded to the spec's width. `body` may
// be zero-padded (numbers) when `numeric`.
void Emit(Sink& out, const Spec& spec, char sign, const char* prefix,
          const char* body, int body_length, bool numeric) {
  int prefix_length = 0;
  while (prefix[prefix_length] != '\0') ++prefix_length;
  const int length = (sign != 0) + prefix_length + body_length;
  const int padding = spec.width > length ? spec.width - length : 0;
  const bool zero_pad = numeric && spec.zero && !spec.left;
  if (!spec.left && !zero_pad) out.Repeat(' ', padding);
  if (sign != 0) out.Put(sign);
  for (int i = 0; i < prefix_length; ++i) out.Put(prefix[i]);
  if (zero_pad) out.Repeat('0', padding);
  for (int i = 0; i < body_length; ++i) out.Put(body[i]);
  if (spec.left) out.Repeat(' ', padding);
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

// 10^exponent; exact in long double for exponents 0..27.
long double PowerOfTen(int exponent) {
  long double result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

// value / 10^exponent, dividing or multiplying by an exact power of ten.
long double DivideByPowerOfTen(long double value, int exponent) {
  return exponent >= 0 ? value / PowerOfTen(exponent)
                       : value * PowerOfTen(-exponent);
}

// Decimal exponent of `value` > 0 (value = m * 10^e, 1 <= m < 10).
int DecimalExponent(long double value) {
  int exponent = 0;
  while (value >= 10) {
    value /= 10;
    ++exponent;
  }
  while (value < 1) {
    value *= 10;
    --exponent;
  }
  return exponent;
}

constexpr int kMaxFractionDigits = 17;

// `scaled` rounded to an integer, ties to even as printf rounds values whose
// expansion ends exactly in 5. The digit that decides a tie is the last one of
// floor(scaled), or, when `odd_digit` is 0 or 1, a digit outside `scaled`
// (the units of a number printed without fraction digits).
uint64_t RoundHalfEven(long double scaled, int odd_digit = -1) {
  const uint64_t floor_value = static_cast<uint64_t>(scaled);
  const long double remainder = scaled - static_cast<long double>(floor_value);
  const bool odd = odd_digit >= 0 ? odd_digit == 1 : (floor_value & 1) != 0;
  if (remainder > 0.5L || (remainder == 0.5L && odd)) return floor_value + 1;
  return floor_value;
}

// Fixed notation: `value` >= 0 with `precision` fraction digits into `text`.
int FixedText(long double value, int precision, bool point, char* text) {
  int length = 0;
  const int used = precision > kMaxFractionDigits ? kMaxFractionDigits
                                                  : precision;
  const long double scale = PowerOfTen(used);
  if (value >= 1e19L) {
    // Beyond 64-bit integers: the significant digits, then zeros.
    const int exponent = DecimalExponent(value);
    const uint64_t leading = static_cast<uint64_t>(
        DivideByPowerOfTen(value, exponent - 17) + 0.5L);
    char digits[24];
    const int count = Digits(leading, 10, false, digits);
    for (int i = 0; i < count; ++i) text[length++] = digits[i];
    for (int i = count; i <= exponent && length < 330; ++i) {
      text[length++] = '0';
    }
  } else {
    uint64_t whole = static_cast<uint64_t>(value);
    const long double fraction =
        (value - static_cast<long double>(whole)) * scale;
    // With no fraction digits, a tie rounds the whole part to even.
    uint64_t fraction_digits =
        RoundHalfEven(fraction, used == 0 ? static_cast<int>(whole & 1) : -1);
    if (static_cast<long double>(fraction_digits) >= scale) {
      fraction_digits -= static_cast<uint64_t>(scale);
      ++whole;
    }
    char digits[24];
    const int count = Digits(whole, 10, false, digits);
    for (int i = 0; i < count; ++i) text[length++] = digits[i];
    if (precision > 0 || point) text[length++] = '.';
    if (used > 0) {
      char fraction_text[24];
      const int fraction_count = Digits(fraction_digits, 10, false,
                                        fraction_text);
      for (int i = fraction_count; i < used; ++i) text[length++] = '0';
      for (int i = 0; i < fraction_count; ++i) {
        text[length++] = fraction_text[i];
      }
    }
    return length;
  }
  if (precision > 0 || point) text[length++] = '.';
  for (int i = 0; i < used; ++i) text[length++] = '0';
  return length;
}

// Exponent notation: `value` >= 0 as d.ddd e+XX into `text`.
int ExponentText(long double value, int precision, bool point, bool upper,
                 char* text) {
  const int used = precision > kMaxFractionDigits ? kMaxFractionDigits
                                                  : precision;
  int exponent = value == 0 ? 0 : DecimalExponent(value);
  uint64_t digits_value =
      value == 0 ? 0
                 : RoundHalfEven(DivideByPowerOfTen(value, exponent - used));
  if (value != 0 && static_cast<long double>(digits_value) >=
                        PowerOfTen(used + 1)) {
    ++exponent;
    digits_value =
        RoundHalfEven(DivideByPowerOfTen(value, exponent - used));
  }
  char digits[24];
  int count = Digits(digits_value, 10, false, digits);
  for (int i = count; i < used + 1; ++i) digits[count++] = '0';
  int length = 0;
  text[length++] = digits[0];
  if (used > 0 || point) text[length++] = '.';
  for (int i = 1; i <= used; ++i) text[length++] = digits[i];
  text[length++] = upper ? 'E' : 'e';
  text[length++] = exponent < 0 ? '-' : '+';
  const int magnitude = exponent < 0 ? -exponent : exponent;
  char exponent_digits[8];
  const int exponent_count = Digits(static_cast<uint64_t>(magnitude), 10,
                                    false, exponent_digits);
  if (exponent_count < 2) text[length++] = '0';
  for (int i = 0; i < exponent_count; ++i) {
    text[length++] = exponent_digits[i];
  }
  return length;
}

// Removes trailing fraction zeros (and a bare point) from a %g body; keeps an
// exponent suffix.
int StripZeros(char* text, int length) {
  int exponent_at = length;
  for (int i = 0; i < length; ++i) {
    if (text[i] == 'e' || text[i] == 'E') exponent_at = i;
  }
  bool has_point = false;
  for (int i = 0; i < exponent_at; ++i) has_point |= text[i] == '.';
  if (!has_point) return length;
  int end = exponent_at;
  while (end > 0 && text[end - 1] == '0') --end;
  if (end > 0 && text[end - 1] == '.') --end;
  int out = end;
  for (int i = exponent_at; i < length; ++i) text[out++] = text[i];
  return out;
}

void FormatFloat(Sink& out, Spec spec, char conversion, double number) {
  const bool upper = conversion >= 'A' && conversion <= 'Z';
  const bool negative = number < 0 || (number == 0 && 1 / number < 0);
  const char sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : 0;
  if (number != number) {
    Emit(out, spec, sign, "", upper ? "NAN" : "nan", 3, false);
    return;
  }
  long double value = negative ? -static_cast<long double>(number)
                               : static_cast<long double>(number);
  if (value > 1.7976931348623157e308L) {
    Emit(out, spec, sign, "", upper ? "INF" : "inf", 3, false);
    return;
  }
  const int precision = spec.precision < 0 ? 6 : spec.precision;
  char text[400];
  int length = 0;
  switch (conversion) {
    case 'f':
    case 'F':
      length = FixedText(value, precision, spec.alternate, text);
      break;
    case 'e':
    case 'E':
      length = ExponentText(value, precision, spec.alternate, upper, text);
      break;
    default: {  // g, G
      const int significant = precision == 0 ? 1 : precision;
      int exponent = 0;
      if (value != 0) {
        // The exponent after rounding to `significant` digits.
        char probe[64];
        const int probe_length = ExponentText(
            value, significant - 1, false, false, probe);
        int e_at = 0;
        while (e_at < probe_length && probe[e_at] != 'e') ++e_at;
        int magnitude = 0;
        for (int i = e_at + 2; i < probe_length; ++i) {
          magnitude = magnitude * 10 + (probe[i] - '0');
        }
        exponent = probe[e_at + 1] == '-' ? -magnitude : magnitude;
      }
      if (exponent >= -4 && exponent < significant) {
        length = FixedText(value, significant - 1 - exponent, spec.alternate,
                           text);
      } else {
        length = ExponentText(value, significant - 1, spec.alternate, upper,
                              text);
      }
      if (!spec.alternate) length = StripZeros(text, length);
    }
  }
  Emit(out, spec, sign, "", text, length, true);
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
