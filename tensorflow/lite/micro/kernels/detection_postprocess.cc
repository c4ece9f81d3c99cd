// DETECTION_POSTPROCESS: TFLite's custom op "TFLite_Detection_PostProcess"
// that ends SSD detection models (see reference/detection_postprocess.h for
// the decoding and the suppression).
//
// Inputs: box encodings [1, boxes, >= 4] (y, x, h, w first), class scores
// [1, boxes, classes (+ 1 for a leading background class)], anchors
// [boxes, 4] (y, x, h, w); float32, or uint8/int8 with a scale and zero
// point (dequantized as they are read).
// Outputs (float32): boxes [1, n, 4] as (ymin, xmin, ymax, xmax), classes
// [1, n], scores [1, n], and the number of detections [1], where
// n = max_detections * max_classes_per_detection. Slots past the detections
// are 0.
// Options (flexbuffer map): max_detections, max_classes_per_detection,
// num_classes, nms_score_threshold, nms_iou_threshold, y_scale, x_scale,
// h_scale, w_scale; optional detections_per_class (100) and use_regular_nms
// (false).
//   fast: each box's best max_classes_per_detection classes; NMS over each
//     box's best score; every kept box reports its best classes.
//   regular: NMS class by class (at most detections_per_class each), the
//     best max_detections of all kept so far retained after each class.
#include "tensorflow/lite/kernels/internal/reference/detection_postprocess.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "flatbuffers/flexbuffers.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/flexbuffer_options.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

using reference_ops::DetectionBox;
using reference_ops::DetectionNmsScratch;

constexpr char kOp[] = "DETECTION_POSTPROCESS";

constexpr int kBoxEncodings = 0;
constexpr int kClassScores = 1;
constexpr int kAnchors = 2;
constexpr int kOutputBoxes = 0;
constexpr int kOutputClasses = 1;
constexpr int kOutputScores = 2;
constexpr int kOutputCount = 3;

// A float32 or quantized input read as float values.
struct Reader {
  TfLiteType type;
  float scale;
  int32_t zero_point;
};

float Read(const Reader& r, const TfLiteEvalTensor* t, int index) {
  switch (r.type) {
    case kTfLiteUInt8:
      return r.scale *
             static_cast<float>(static_cast<int32_t>(t->data.uint8[index]) -
                                r.zero_point);
    case kTfLiteInt8:
      return r.scale *
             static_cast<float>(static_cast<int32_t>(t->data.int8[index]) -
                                r.zero_point);
    default:
      return t->data.f[index];
  }
}

struct OpData {
  const uint8_t* options;
  size_t options_length;
  int max_detections;
  int max_classes_per_detection;
  int detections_per_class;
  bool regular_nms;
  float score_threshold;
  float iou_threshold;
  int num_classes;
  reference_ops::DetectionScales scales;
  // From the tensors.
  int num_boxes;
  int coords;  // values per box encoding
  int classes_with_background;
  Reader readers[3];
  int scratch_index;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  void* memory = context->AllocatePersistentBuffer(context, sizeof(OpData));
  if (memory == nullptr) return nullptr;
  OpData* data = static_cast<OpData*>(memory);
  *data = OpData();
  data->options = reinterpret_cast<const uint8_t*>(buffer);
  data->options_length = buffer == nullptr ? 0 : length;
  return data;
}

// The options, checked: missing or out-of-range ones are reported.
TfLiteStatus ParseOptions(OpData* data) {
  if (!IsFlexbufferMap(data->options, data->options_length)) {
    MicroPrintf("%s: the custom options must be a flexbuffer map", kOp);
    return kTfLiteError;
  }
  const flexbuffers::Map map =
      flexbuffers::GetRoot(data->options, data->options_length).AsMap();
  const char* const required[] = {
      "max_detections", "max_classes_per_detection", "num_classes",
      "nms_score_threshold", "nms_iou_threshold", "y_scale", "x_scale",
      "h_scale", "w_scale"};
  for (const char* key : required) {
    const flexbuffers::Reference value = map[key];
    if (!value.IsNumeric()) {
      MicroPrintf("%s: option %s is missing or not a number", kOp, key);
      return kTfLiteError;
    }
  }
  data->max_detections = map["max_detections"].AsInt32();
  data->max_classes_per_detection = map["max_classes_per_detection"].AsInt32();
  data->num_classes = map["num_classes"].AsInt32();
  const flexbuffers::Reference per_class = map["detections_per_class"];
  data->detections_per_class = per_class.IsNumeric() ? per_class.AsInt32()
                                                     : 100;
  const flexbuffers::Reference regular = map["use_regular_nms"];
  data->regular_nms = regular.IsBool() || regular.IsNumeric()
                          ? regular.AsBool()
                          : false;
  data->score_threshold = map["nms_score_threshold"].AsFloat();
  data->iou_threshold = map["nms_iou_threshold"].AsFloat();
  data->scales.y = map["y_scale"].AsFloat();
  data->scales.x = map["x_scale"].AsFloat();
  data->scales.h = map["h_scale"].AsFloat();
  data->scales.w = map["w_scale"].AsFloat();
  // Bounds keep the output and scratch sizes inside int.
  if (data->max_detections < 1 || data->max_detections > 100000 ||
      data->max_classes_per_detection < 1 ||
      data->max_classes_per_detection > 10000 || data->num_classes < 1 ||
      (data->regular_nms && data->detections_per_class < 1)) {
    MicroPrintf(
        "%s: max_detections (%d), max_classes_per_detection (%d), "
        "num_classes (%d) and, with regular NMS, detections_per_class (%d) "
        "must be positive",
        kOp, data->max_detections, data->max_classes_per_detection,
        data->num_classes, data->detections_per_class);
    return kTfLiteError;
  }
  if (!(data->iou_threshold > 0.0f && data->iou_threshold <= 1.0f)) {
    MicroPrintf("%s: nms_iou_threshold must be in (0, 1], it is %g", kOp,
                static_cast<double>(data->iou_threshold));
    return kTfLiteError;
  }
  if (data->scales.y == 0.0f || data->scales.x == 0.0f ||
      data->scales.h == 0.0f || data->scales.w == 0.0f) {
    MicroPrintf("%s: y_scale, x_scale, h_scale and w_scale must not be 0",
                kOp);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus CheckInput(const TfLiteTensor* t, const char* role, int rank,
                        Reader* reader) {
  if (t == nullptr) {
    MicroPrintf("%s: the %s are missing", kOp, role);
    return kTfLiteError;
  }
  if (t->type != kTfLiteFloat32 && t->type != kTfLiteUInt8 &&
      t->type != kTfLiteInt8) {
    MicroPrintf("%s: the %s are %s; float32, uint8 or int8 are supported",
                kOp, role, TfLiteTypeGetName(t->type));
    return kTfLiteError;
  }
  if (NumDimensions(t) != rank) {
    MicroPrintf("%s: the %s must have rank %d, not %d", kOp, role, rank,
                NumDimensions(t));
    return kTfLiteError;
  }
  reader->type = t->type;
  reader->scale = 1.0f;
  reader->zero_point = 0;
  if (t->type != kTfLiteFloat32) {
    if (t->quantization.type != kTfLiteAffineQuantization ||
        t->params.scale <= 0.0f) {
      MicroPrintf("%s: the quantized %s need a scale and zero point", kOp,
                  role);
      return kTfLiteError;
    }
    reader->scale = t->params.scale;
    reader->zero_point = t->params.zero_point;
  }
  return kTfLiteOk;
}

// Byte offsets into the one scratch buffer.
struct Layout {
  size_t boxes, kept_scores, kept_boxes, order, sort_temp, active, selected;
  // fast NMS
  size_t best_scores, best_classes, row_scores, row_order;
  // regular NMS
  size_t class_scores, merged_boxes, merged_scores, merged_order, merged_temp;
  size_t total;
};

int CategoriesPerBox(const OpData& d) {
  return std::min(d.max_classes_per_detection, d.num_classes);
}

Layout MakeLayout(const OpData& d) {
  Layout l = {};
  size_t at = 0;
  auto take = [&at](size_t bytes) {
    const size_t start = at;
    at += (bytes + 7) & ~static_cast<size_t>(7);
    return start;
  };
  const size_t n = static_cast<size_t>(d.num_boxes);
  l.boxes = take(n * sizeof(DetectionBox));
  l.kept_scores = take(n * sizeof(float));
  l.kept_boxes = take(n * sizeof(int));
  l.order = take(n * sizeof(int));
  l.sort_temp = take(n * sizeof(int));
  l.active = take(n);
  l.selected = take(n * sizeof(int));
  if (d.regular_nms) {
    const size_t merged = n + static_cast<size_t>(d.max_detections);
    l.class_scores = take(n * sizeof(float));
    l.merged_boxes = take(merged * sizeof(int));
    l.merged_scores = take(merged * sizeof(float));
    l.merged_order = take(merged * sizeof(int));
    l.merged_temp = take(static_cast<size_t>(d.max_detections) *
                         (sizeof(float) + sizeof(int)));
  } else {
    l.best_scores = take(n * sizeof(float));
    l.best_classes = take(n * static_cast<size_t>(CategoriesPerBox(d)) *
                          sizeof(int));
    l.row_scores = take(static_cast<size_t>(d.num_classes) * sizeof(float));
    l.row_order = take(static_cast<size_t>(d.num_classes) * sizeof(int));
  }
  l.total = at;
  return l;
}

TfLiteStatus PrepareTensors(TfLiteContext* context, TfLiteNode* node,
                            OpData* data) {
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* inputs[3];
  for (int i = 0; i < 3; ++i) {
    inputs[i] = micro_context->AllocateTempInputTensor(node, i);
  }
  TfLiteTensor* outputs[4];
  for (int i = 0; i < 4; ++i) {
    outputs[i] = micro_context->AllocateTempOutputTensor(node, i);
  }
  TfLiteStatus status = kTfLiteOk;
  const char* const roles[3] = {"box encodings", "class scores", "anchors"};
  const int ranks[3] = {3, 3, 2};
  for (int i = 0; i < 3 && status == kTfLiteOk; ++i) {
    status = CheckInput(inputs[i], roles[i], ranks[i], &data->readers[i]);
  }
  if (status == kTfLiteOk) {
    const TfLiteTensor* encodings = inputs[kBoxEncodings];
    const TfLiteTensor* scores = inputs[kClassScores];
    const TfLiteTensor* anchors = inputs[kAnchors];
    data->num_boxes = SizeOfDimension(encodings, 1);
    data->coords = SizeOfDimension(encodings, 2);
    data->classes_with_background = SizeOfDimension(scores, 2);
    const int background =
        data->classes_with_background - data->num_classes;
    if (SizeOfDimension(encodings, 0) != 1 ||
        SizeOfDimension(scores, 0) != 1) {
      MicroPrintf("%s: one batch only (box encodings %d, class scores %d)",
                  kOp, SizeOfDimension(encodings, 0),
                  SizeOfDimension(scores, 0));
      status = kTfLiteError;
    } else if (data->coords < 4) {
      MicroPrintf("%s: box encodings need at least 4 values per box, not %d",
                  kOp, data->coords);
      status = kTfLiteError;
    } else if (SizeOfDimension(scores, 1) != data->num_boxes ||
               SizeOfDimension(anchors, 0) != data->num_boxes ||
               SizeOfDimension(anchors, 1) != 4) {
      MicroPrintf(
          "%s: %d boxes need class scores [1, %d, classes] and anchors "
          "[%d, 4]",
          kOp, data->num_boxes, data->num_boxes, data->num_boxes);
      status = kTfLiteError;
    } else if (background != 0 && background != 1) {
      MicroPrintf(
          "%s: the class scores have %d classes; num_classes is %d (plus "
          "at most one background class)",
          kOp, data->classes_with_background, data->num_classes);
      status = kTfLiteError;
    }
  }
  for (int i = 0; i < 4 && status == kTfLiteOk; ++i) {
    if (outputs[i] == nullptr || outputs[i]->type != kTfLiteFloat32) {
      MicroPrintf("%s: output %d must be a float32 tensor", kOp, i);
      status = kTfLiteError;
    }
  }
  if (status == kTfLiteOk) {
    const int n = data->max_detections * data->max_classes_per_detection;
    const int box_dims[3] = {1, n, 4};
    const int row_dims[2] = {1, n};
    const int count_dims[1] = {1};
    status = micro::SetOutputShape(context, outputs[kOutputBoxes],
                                   RuntimeShape(3, box_dims));
    if (status == kTfLiteOk) {
      status = micro::SetOutputShape(context, outputs[kOutputClasses],
                                     RuntimeShape(2, row_dims));
    }
    if (status == kTfLiteOk) {
      status = micro::SetOutputShape(context, outputs[kOutputScores],
                                     RuntimeShape(2, row_dims));
    }
    if (status == kTfLiteOk) {
      status = micro::SetOutputShape(context, outputs[kOutputCount],
                                     RuntimeShape(1, count_dims));
    }
  }
  for (int i = 3; i >= 0; --i) {
    if (outputs[i] != nullptr) micro_context->DeallocateTempTfLiteTensor(outputs[i]);
  }
  for (int i = 2; i >= 0; --i) {
    if (inputs[i] != nullptr) micro_context->DeallocateTempTfLiteTensor(inputs[i]);
  }
  return status;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  if (NumInputs(node) != 3 || NumOutputs(node) != 4) {
    MicroPrintf("%s: needs 3 inputs and 4 outputs, got %d and %d", kOp,
                NumInputs(node), NumOutputs(node));
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(ParseOptions(data));
  TF_LITE_ENSURE_STATUS(PrepareTensors(context, node, data));
  return context->RequestScratchBufferInArena(
      context, MakeLayout(*data).total, &data->scratch_index);
}

template <typename T>
T* At(void* scratch, size_t offset) {
  return reinterpret_cast<T*>(static_cast<uint8_t*>(scratch) + offset);
}

struct Outputs {
  float* boxes;
  float* classes;
  float* scores;
};

void WriteDetection(const Outputs& out, int slot, const DetectionBox& box,
                    int class_index, float score) {
  out.boxes[4 * slot + 0] = box.ymin;
  out.boxes[4 * slot + 1] = box.xmin;
  out.boxes[4 * slot + 2] = box.ymax;
  out.boxes[4 * slot + 3] = box.xmax;
  out.classes[slot] = static_cast<float>(class_index);
  out.scores[slot] = score;
}

// Returns the number of detections.
int FastNms(const OpData& d, const TfLiteEvalTensor* scores,
            const DetectionBox* boxes, const DetectionNmsScratch& nms,
            const Layout& l, void* scratch, const Outputs& out) {
  const int categories = CategoriesPerBox(d);
  const int offset = d.classes_with_background - d.num_classes;
  float* best_scores = At<float>(scratch, l.best_scores);
  int* best_classes = At<int>(scratch, l.best_classes);
  float* row_scores = At<float>(scratch, l.row_scores);
  int* row_order = At<int>(scratch, l.row_order);
  const Reader& reader = d.readers[kClassScores];
  for (int b = 0; b < d.num_boxes; ++b) {
    for (int c = 0; c < d.num_classes; ++c) {
      row_scores[c] =
          Read(reader, scores, b * d.classes_with_background + offset + c);
    }
    reference_ops::TopIndices(row_scores, d.num_classes, categories,
                              row_order);
    for (int k = 0; k < categories; ++k) {
      best_classes[b * categories + k] = row_order[k];
    }
    best_scores[b] = row_scores[row_order[0]];
  }
  int* selected = At<int>(scratch, l.selected);
  const int count = reference_ops::SingleClassNms(
      boxes, best_scores, d.num_boxes, d.score_threshold, d.iou_threshold,
      d.max_detections, nms, selected);
  for (int i = 0; i < count; ++i) {
    const int b = selected[i];
    for (int k = 0; k < categories; ++k) {
      const int c = best_classes[b * categories + k];
      WriteDetection(
          out, d.max_classes_per_detection * i + k, boxes[b], c,
          Read(reader, scores, b * d.classes_with_background + offset + c));
    }
  }
  return count;
}

int RegularNms(const OpData& d, const TfLiteEvalTensor* scores,
               const DetectionBox* boxes, const DetectionNmsScratch& nms,
               const Layout& l, void* scratch, const Outputs& out) {
  const int offset = d.classes_with_background - d.num_classes;
  const int per_class = std::min(d.detections_per_class, d.max_detections);
  float* class_scores = At<float>(scratch, l.class_scores);
  int* selected = At<int>(scratch, l.selected);
  // (box * classes_with_background + class column) and score of every
  // detection kept so far, best first; new ones are appended, then the
  // best max_detections move to the front.
  int* merged_boxes = At<int>(scratch, l.merged_boxes);
  float* merged_scores = At<float>(scratch, l.merged_scores);
  int* merged_order = At<int>(scratch, l.merged_order);
  float* temp_scores = At<float>(scratch, l.merged_temp);
  int* temp_boxes = At<int>(scratch, l.merged_temp +
                                         sizeof(float) * d.max_detections);
  const Reader& reader = d.readers[kClassScores];
  int kept = 0;
  for (int c = 0; c < d.num_classes; ++c) {
    const int column = offset + c;
    for (int b = 0; b < d.num_boxes; ++b) {
      class_scores[b] =
          Read(reader, scores, b * d.classes_with_background + column);
    }
    const int count = reference_ops::SingleClassNms(
        boxes, class_scores, d.num_boxes, d.score_threshold, d.iou_threshold,
        per_class, nms, selected);
    int total = kept;
    for (int i = 0; i < count; ++i) {
      merged_boxes[total] = selected[i] * d.classes_with_background + column;
      merged_scores[total] = class_scores[selected[i]];
      ++total;
    }
    const int retained = std::min(total, d.max_detections);
    if (retained > 0) {
      reference_ops::TopIndices(merged_scores, total, retained, merged_order);
    }
    for (int i = 0; i < retained; ++i) {
      temp_scores[i] = merged_scores[merged_order[i]];
      temp_boxes[i] = merged_boxes[merged_order[i]];
    }
    for (int i = 0; i < retained; ++i) {
      merged_scores[i] = temp_scores[i];
      merged_boxes[i] = temp_boxes[i];
    }
    kept = retained;
  }
  for (int i = 0; i < kept; ++i) {
    const int b = merged_boxes[i] / d.classes_with_background;
    const int c = merged_boxes[i] - b * d.classes_with_background - offset;
    WriteDetection(out, i, boxes[b], c, merged_scores[i]);
  }
  return kept;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& d = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* encodings =
      micro::GetEvalInput(context, node, kBoxEncodings);
  const TfLiteEvalTensor* scores =
      micro::GetEvalInput(context, node, kClassScores);
  const TfLiteEvalTensor* anchors = micro::GetEvalInput(context, node, kAnchors);
  void* scratch = context->GetScratchBuffer(context, d.scratch_index);
  TF_LITE_ENSURE(context, scratch != nullptr);
  const Layout l = MakeLayout(d);

  Outputs out;
  out.boxes = micro::GetTensorData<float>(
      micro::GetEvalOutput(context, node, kOutputBoxes));
  out.classes = micro::GetTensorData<float>(
      micro::GetEvalOutput(context, node, kOutputClasses));
  out.scores = micro::GetTensorData<float>(
      micro::GetEvalOutput(context, node, kOutputScores));
  float* count_out = micro::GetTensorData<float>(
      micro::GetEvalOutput(context, node, kOutputCount));
  const int slots = d.max_detections * d.max_classes_per_detection;
  std::fill(out.boxes, out.boxes + 4 * slots, 0.0f);
  std::fill(out.classes, out.classes + slots, 0.0f);
  std::fill(out.scores, out.scores + slots, 0.0f);

  DetectionBox* boxes = At<DetectionBox>(scratch, l.boxes);
  for (int b = 0; b < d.num_boxes; ++b) {
    float encoding[4];
    float anchor[4];
    for (int k = 0; k < 4; ++k) {
      encoding[k] = Read(d.readers[kBoxEncodings], encodings, b * d.coords + k);
      anchor[k] = Read(d.readers[kAnchors], anchors, b * 4 + k);
    }
    boxes[b] = reference_ops::DecodeDetectionBox(encoding, anchor, d.scales);
    // Inverted boxes come only from negative anchor sizes (or NaNs).
    if (!(boxes[b].ymin <= boxes[b].ymax && boxes[b].xmin <= boxes[b].xmax)) {
      MicroPrintf("%s: box %d decodes to an inverted box (anchor %d has a "
                  "negative or invalid size)",
                  kOp, b, b);
      return kTfLiteError;
    }
  }
  DetectionNmsScratch nms;
  nms.kept_scores = At<float>(scratch, l.kept_scores);
  nms.kept_boxes = At<int>(scratch, l.kept_boxes);
  nms.order = At<int>(scratch, l.order);
  nms.sort_temp = At<int>(scratch, l.sort_temp);
  nms.active = At<uint8_t>(scratch, l.active);
  const int count =
      d.regular_nms ? RegularNms(d, scores, boxes, nms, l, scratch, out)
                    : FastNms(d, scores, boxes, nms, l, scratch, out);
  count_out[0] = static_cast<float>(count);
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_DETECTION_POSTPROCESS() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
