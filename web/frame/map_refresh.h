// MapRefresh: the output map's resolution and refresh rate while training, chosen from what its
// redraws cost the renderer (their GPU time, which BoundaryRenderer measures where the platform can
// time the GPU). A software renderer (SwiftShader, llvmpipe) evaluates the network's shader for
// every texel on the CPU, so a redraw of n texels costs about c₀ + s·n: a fixed part c₀ (binding,
// the draw call; about 1 ms in SwiftShader) and s per texel, growing with the network. c₀ is taken
// as the cheapest redraw seen, s as the median of the last three redraws' (ms − c₀) / n (so that
// one slow redraw, e.g. the first with a new shader, does not decide). From them:
//   - the grid, the map's side in texels: the largest g ≤ kMaxGrid, a multiple of kGridStep, with
//     c₀ + s·g² ≤ kRedrawMs, at least kMinGrid. It grows only when the next step costs at most kGrow
//     of kRedrawMs, so that a cost near the limit does not make it flip between two sizes;
//   - the refresh rate: kMaxHz, lowered where even that grid would cost more than kShare of each
//     second ((c₀ + s·g²)·hz ≤ 1000·kShare ms), at least kMinHz.
// Without measurements (no timer queries) it keeps kMaxGrid at kMaxHz.
#pragma once

#include <limits>

#include "recent_median.h"

namespace bplab {

class MapRefresh {
 public:
  static constexpr int kMaxGrid = 128, kMinGrid = 32, kGridStep = 16;
  static constexpr double kMaxHz = 10, kMinHz = 2;
  static constexpr double kRedrawMs = 3.0;  // one redraw's cost: a tenth of a 30 fps frame
  static constexpr double kShare = 0.03;    // the map's share of each second: kRedrawMs at kMaxHz
  static constexpr double kGrow = 0.8;

  // A redraw that evaluated `texels` texels took `ms` on the GPU.
  void observe(long texels, double ms);
  // The side of the grid the map is evaluated on while training, in texels.
  int grid() const { return grid_; }
  // Redraws per second while training.
  double hz() const { return hz_; }
  // The estimated cost of a redraw at grid(), ms; 0 before the first measurement.
  double redraw_ms() const { return cost(grid_); }

 private:
  // c₀ + s·g², s the median of the recent slopes; 0 before the first measurement.
  double cost(int grid) const;

  double fixed_ms_ = std::numeric_limits<double>::infinity();  // c₀
  RecentMedian slope_;  // s, ms per texel
  int grid_ = kMaxGrid;
  double hz_ = kMaxHz;
};

}  // namespace bplab
