#include "map_refresh.h"

#include <algorithm>

namespace bplab {

double MapRefresh::cost(int grid) const {
  if (slope_.count() == 0) return 0.0;
  return fixed_ms_ + slope_.median() * double(grid) * double(grid);
}

void MapRefresh::observe(long texels, double ms) {
  if (texels <= 0 || !(ms >= 0)) return;
  fixed_ms_ = std::min(fixed_ms_, ms);
  slope_.add((ms - fixed_ms_) / double(texels));
  // Shrink while too costly; grow while the next step fits with room.
  while (grid_ > kMinGrid && cost(grid_) > kRedrawMs) grid_ -= kGridStep;
  while (grid_ < kMaxGrid && cost(grid_ + kGridStep) <= kGrow * kRedrawMs) grid_ += kGridStep;
  hz_ = std::clamp(1000.0 * kShare / std::max(cost(grid_), 1e-9), kMinHz, kMaxHz);
}

}  // namespace bplab
