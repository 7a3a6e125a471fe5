#include "map_refresh.h"

#include <algorithm>

namespace bplab {

static_assert(MapRefresh::kSamples == 3, "cost() takes the median of three");

double MapRefresh::cost(int grid) const {
  const int n = std::min(samples_, kSamples);
  if (n == 0) return 0.0;
  const double a = slopes_[0], b = slopes_[1], c = slopes_[2];
  // The median of the n slopes recorded (n ≤ kSamples = 3).
  const double slope = n == 1 ? a : n == 2 ? (a + b) / 2 : std::max(std::min(a, b), std::min(std::max(a, b), c));
  return fixed_ms_ + slope * double(grid) * double(grid);
}

void MapRefresh::observe(long texels, double ms) {
  if (texels <= 0 || !(ms >= 0)) return;
  fixed_ms_ = std::min(fixed_ms_, ms);
  slopes_[samples_++ % kSamples] = (ms - fixed_ms_) / double(texels);
  // Shrink while too costly; grow while the next step fits with room.
  while (grid_ > kMinGrid && cost(grid_) > kRedrawMs) grid_ -= kGridStep;
  while (grid_ < kMaxGrid && cost(grid_ + kGridStep) <= kGrow * kRedrawMs) grid_ += kGridStep;
  hz_ = std::clamp(1000.0 * kShare / std::max(cost(grid_), 1e-9), kMinHz, kMaxHz);
}

}  // namespace bplab
