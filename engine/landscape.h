// The loss landscape: the training loss E evaluated on a grid over a plane (plane.h),
//   E(a, b) = mean_s E_s(p + a·d₁ + b·d₂),   a, b ∈ {−r, …, 0, …, r} (grid values each)
// forward passes only (BatchKernel::loss), summed in the order of mean_loss() (gradient.h), so the centre
// (a = b = 0, exactly p) gives mean_loss to the bit. On a line b = 0 and the grid has one row.
//
// Optionally with the penalty the optimiser follows (update_rule.h), on weights only:
//   E + λ₁·Σ|w| + (λ₂/2)·Σ w²
// whose gradient is the g of the update rule.
#pragma once
#include <vector>

#include "batch_kernel.h"
#include "dataset.h"
#include "loss.h"
#include "network.h"
#include "plane.h"
#include "status.h"
#include "update_rule.h"

namespace bp {

constexpr int kMinLandscapeGrid = 2;
constexpr int kMaxLandscapeGrid = 513;

// "grid must be in [2, 513], got 1", "range must be > 0, got 0" (also NaN and infinities).
Status validate_landscape(int grid, double range);

// The i-th of `grid` offsets from −range to range: range·(2i − (grid−1))/(grid−1), so an odd grid
// has exactly 0 in its middle.
double grid_offset(int i, int grid, double range);

// λ₁·Σ|w| + (λ₂/2)·Σ w² over the weights of net (biases carry no penalty).
double penalty_value(const Network& net, const Hyperparams& h);

// E at points of one plane; keeps a scratch copy of the network, so evaluating allocates nothing.
// Units none of whose parameters or inputs move on the plane (d₁ and d₂ are 0 on all of them) keep
// θ and y from the first point: on a plane of two named weights of the first layer only that unit
// and the layers above it are recomputed (BatchKernel::loss_again). Every value stays bit for bit.
class LandscapeEvaluator {
 public:
  // net gives the architecture; plane.origin must have its num_params(). With penalty != nullptr the
  // penalty term is added. net, loss, data and plane are referred to, not copied.
  LandscapeEvaluator(const Network& net, const Loss& loss, const Dataset& data, const Plane& plane,
                     const Hyperparams* penalty = nullptr);
  double at(double a, double b);

 private:
  const Loss& loss_;
  const Dataset& data_;
  const Plane& plane_;
  const Hyperparams* penalty_;
  Network scratch_;
  BatchKernel kernel_;        // forward only: the loss of every sample in one batch
  std::vector<int> samples_;  // 0 … data.size() − 1
  std::vector<char> varies_;  // per unit of every layer (BatchKernel::loss_again): moves on the plane
  bool primed_ = false;       // kernel_ holds a whole forward pass over samples_
};

// Which units move on the plane, [size(0) + … + size(L−1)] layer by layer: unit j of layer l ≥ 1
// when d₁ or d₂ is nonzero on one of its weights or its bias, or one of its inputs moves.
std::vector<char> units_moving_on_plane(const Network& net, const Plane& plane);

// The whole grid: e[row·grid + col] = E(grid_offset(col), grid_offset(row)); a line has one row.
struct LandscapeGrid {
  int grid = 0;
  double range = 0;
  int rows = 0;           // grid, or 1 for a line
  std::vector<double> e;  // [rows][grid]
};
Status evaluate_landscape(const Network& net, const Loss& loss, const Dataset& data,
                          const Plane& plane, int grid, double range, const Hyperparams* penalty,
                          LandscapeGrid* out);

}  // namespace bp
