#include "diagram_refresh.h"

#include <algorithm>

namespace bplab {

double DiagramRefresh::hz(long connections) {
  return std::clamp(kConnectionsPerSecond / double(std::max(connections, 1L)), kMinHz, kMaxHz);
}

bool DiagramRefresh::due(double now_s, bool training, long connections) {
  if (training && now_s - taken_s_ < 1.0 / hz(connections)) return false;
  taken_s_ = now_s;
  return true;
}

}  // namespace bplab
