#include "signal/src/rfft.h"

namespace tflite {
namespace tflm_signal {

template class RealFftPlan<int16_t>;
template class RealFftPlan<int32_t>;
template class RealFftPlan<float>;

}  // namespace tflm_signal
}  // namespace tflite
