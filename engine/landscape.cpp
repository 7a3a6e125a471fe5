#include "landscape.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace bp {

Status validate_landscape(int grid, double range) {
  if (grid < kMinLandscapeGrid || grid > kMaxLandscapeGrid)
    return Status::error("grid must be in [" + std::to_string(kMinLandscapeGrid) + ", " +
                         std::to_string(kMaxLandscapeGrid) + "], got " + std::to_string(grid));
  if (!(range > 0) || !std::isfinite(range)) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "range must be > 0 and finite, got %g", range);
    return Status::error(buf);
  }
  return Status::ok();
}

double grid_offset(int i, int grid, double range) {
  return range * double(2 * i - (grid - 1)) / double(grid - 1);
}

double penalty_value(const Network& net, const Hyperparams& h) {
  double l1 = 0, l2 = 0;
  for (int l = 1; l < net.num_layers(); ++l) {
    const double* w = net.weights(l);
    const int count = net.size(l) * net.size(l - 1);
    for (int k = 0; k < count; ++k) {
      l1 += std::abs(w[k]);
      l2 += w[k] * w[k];
    }
  }
  return h.l1 * l1 + 0.5 * h.l2 * l2;
}

LandscapeEvaluator::LandscapeEvaluator(const Network& net, const Loss& loss, const Dataset& data,
                                       const Plane& plane, const Hyperparams* penalty)
    : loss_(loss), data_(data), plane_(plane), penalty_(penalty), scratch_(net),
      samples_(data.size()), varies_(units_moving_on_plane(net, plane)) {
  for (int s = 0; s < data.size(); ++s) samples_[s] = s;
}

double LandscapeEvaluator::at(double a, double b) {
  // The fixed units' parameters are p's exactly (p + a·0 + b·0), so their θ and y never change.
  plane_point(plane_, a, b, scratch_.params().data());
  // Summed in sample order and divided by n, as mean_loss does: the centre equals it bit for bit.
  const double e =
      primed_ ? kernel_.loss_again(scratch_, loss_, data_, samples_.data(), data_.size(), varies_.data())
              : kernel_.loss(scratch_, loss_, data_, samples_.data(), data_.size());
  primed_ = true;
  return penalty_ != nullptr ? e + penalty_value(scratch_, *penalty_) : e;
}

std::vector<char> units_moving_on_plane(const Network& net, const Plane& plane) {
  const auto moves = [&plane](std::size_t k) {
    return plane.d1[k] != 0 || (!plane.is_line() && plane.d2[k] != 0);
  };
  std::vector<char> flags;
  std::size_t below = 0;  // where layer l − 1's flags start
  flags.assign(std::size_t(net.input_size()), 0);
  for (int l = 1; l < net.num_layers(); ++l) {
    bool input_moves = false;
    for (int i = 0; i < net.size(l - 1); ++i) input_moves = input_moves || flags[below + i];
    const std::size_t start = flags.size();
    for (int j = 0; j < net.size(l); ++j) {
      bool m = input_moves || moves(net.bias_index(l, j));
      for (int i = 0; i < net.size(l - 1) && !m; ++i) m = moves(net.param_index(l, j, i));
      flags.push_back(m ? 1 : 0);
    }
    below = start;
  }
  return flags;
}

Status evaluate_landscape(const Network& net, const Loss& loss, const Dataset& data,
                          const Plane& plane, int grid, double range, const Hyperparams* penalty,
                          LandscapeGrid* out) {
  if (Status s = validate_landscape(grid, range); !s) return s;
  if (plane.origin.size() != net.num_params())
    return Status::error("the plane has another shape than the network");
  LandscapeGrid g;
  g.grid = grid;
  g.range = range;
  g.rows = plane.is_line() ? 1 : grid;
  g.e.resize(std::size_t(g.rows) * grid);
  LandscapeEvaluator eval(net, loss, data, plane, penalty);
  for (int row = 0; row < g.rows; ++row) {
    const double b = g.rows == 1 ? 0.0 : grid_offset(row, grid, range);
    for (int col = 0; col < grid; ++col)
      g.e[std::size_t(row) * grid + col] = eval.at(grid_offset(col, grid, range), b);
  }
  *out = std::move(g);
  return Status::ok();
}

}  // namespace bp
