#include "evaluation_refresh.h"

#include <algorithm>

namespace bplab {

double EvaluationRefresh::hz(double cost_ms) {
  if (cost_ms <= 0) return kMaxHz;
  return std::clamp(1000.0 * kShare / cost_ms, kMinHz, kMaxHz);
}

bool EvaluationRefresh::due(double now_s, bool training) {
  // Half a frame's slack at kMaxHz: frames 16.7 ms apart stay due at 60 Hz.
  if (training && now_s - evaluated_s_ < 1.0 / hz(cost_ms()) - 0.5 / kMaxHz) return false;
  evaluated_s_ = now_s;
  return true;
}

}  // namespace bplab
