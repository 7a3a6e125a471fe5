// BatchKernel: the forward and backward pass of a whole mini-batch at once, for training.
//
// The per-sample path (pass.h) walks one sample through the network at a time and keeps every
// intermediate for the inspector. Training only needs the batch's mean error and its gradient, and
// the same weights apply to every sample, so here each layer's values are stored unit by unit with
// the batch's samples side by side ([unit][sample], one contiguous block per layer):
//   forward   Θ_l = W_l · Y_{l−1} + b_l·1ᵀ,  Y_l = f(Θ_l)          (Θ_l, Y_l: [size(l)][n])
//   backward  ∂E/∂Y_{l−1} = W_lᵀ · ∂E/∂Θ_l,  ∂E/∂Θ_{l−1} = f′ ⊙ ∂E/∂Y_{l−1}
//             ∂E_batch/∂w_ji = Σ_s (∂E_s/∂θ_js / n) · y_is,  ∂E_batch/∂b_j = Σ_s ∂E_s/∂θ_js / n
// The innermost loops then run over samples (contiguous, vectorisable), with up to 8 samples'
// partial sums held in registers over a whole sum; the weight gradient, a sum over samples, runs
// over the layer's inputs transposed to [sample][unit] so that the sums of all inputs advance side
// by side.
// Elementwise activations and their derivatives go through the activation table once per layer
// block (its layer functions inline fast_math.h's functions, so those loops vectorise too).
//
// Exactness: every value is computed with the same operations in the same order as pass.cpp and
// gradient.cpp (each θ sums its inputs in order i = 0, 1, …; each ∂E/∂y sums over j in order; each
// gradient entry adds its samples in batch order), so the results are bit-for-bit those of
// batch_gradient(). Only the order of independent operations changes. tests/engine/
// test_batch_kernel.cpp checks this with memcmp over every activation and loss, depths 1 … 6 and
// batches of 1 … 257, in both math builds (fast_math.h).
#pragma once
#include <cstddef>
#include <vector>

#include "dataset.h"
#include "loss.h"
#include "network.h"

namespace bp {

class BatchKernel {
 public:
  // Same contract as batch_gradient() in gradient.h: returns the batch's global error (the mean
  // local error over the samples indices[0..n)) and overwrites grad[num_params] with its gradient.
  // check_loss(net, loss) must hold. The workspace grows to the largest batch and network seen and
  // is reused, so steady-state training allocates nothing.
  double gradient(const Network& net, const Loss& loss, const Dataset& data, const int* indices,
                  int n, double* grad);
  // The forward pass alone: the batch's global error, bit for bit gradient()'s return value (and
  // batch_loss()'s in gradient.h), at a fraction of the cost. For evaluations that need no
  // gradient, such as the loss landscape's grid.
  double loss(const Network& net, const Loss& loss, const Dataset& data, const int* indices, int n);
  // loss() again over the same samples after only some parameters moved: the units flagged in
  // `varies` ([size(0) + … + size(L−1)], layer by layer, unit j of layer l at size(0) + … +
  // size(l−1) + j) get θ and y recomputed; every other unit keeps them from the previous forward
  // pass, whose parameters and inputs for it must have been the same. A unit must be flagged when
  // one of its parameters moved or one of its inputs is a flagged unit. Bit for bit loss()'s value.
  // The loss landscape moves two directions' parameters over thousands of grid points; on a plane
  // of two named weights most units stay fixed.
  double loss_again(const Network& net, const Loss& loss, const Dataset& data, const int* indices,
                    int n, const char* varies);
  // The forward pass over the samples indices[0..n), n ≥ 1, then for each sample in batch order
  // visit(k, theta, y): k its position in indices, theta and y its output layer's θ and y
  // (size(L−1) values each, contiguous, valid during the call), bit for bit forward()'s in pass.h.
  // For statistics over a whole data set (error_stats() in gradient.h).
  template <class Visit>
  void each_output(const Network& net, const Dataset& data, const int* indices, int n, Visit&& visit) {
    forward(net, data, indices, n);
    for (int k = 0; k < n; ++k) {
      gather_output(net, k);
      visit(k, static_cast<const double*>(out_theta_.data()), static_cast<const double*>(out_y_.data()));
    }
  }

 private:
  // Lays the blocks out for net's layer sizes and n samples; true when that changed the layout.
  bool reserve(const Network& net, int n);
  // Θ and Y for the samples indices[0..n), n ≥ 1, into the blocks below: of every unit, or with
  // varies != nullptr of the flagged units only (see loss_again()).
  void forward(const Network& net, const Dataset& data, const int* indices, int n,
               const char* varies = nullptr);
  // Sample k's output θ and y from the output layer's blocks into out_theta_ and out_y_.
  void gather_output(const Network& net, int k);
  // The batch's global error from the output layer's block: Σ_s E_s / n in sample order.
  double output_loss(const Network& net, const Loss& loss, const Dataset& data, const int* indices,
                     int n);

  int n_ = 0;                        // the batch size the layout below is laid out for
  std::vector<int> sizes_;           // layer sizes the layout below is laid out for, [L]
  std::vector<std::size_t> offset_;  // start of layer l's block in theta_/y_/dE_dy_/dE_dtheta_, [L]
  // Per-layer blocks, layer l at offset_[l], each [size(l)][n] (row j: unit j for every sample):
  std::vector<double> theta_;      // θ (layer 0 unused)
  std::vector<double> y_;          // y (layer 0: the batch's inputs)
  std::vector<double> dE_dy_;      // ∂E/∂y (layers 1 … L−1)
  std::vector<double> dE_dtheta_;  // ∂E/∂θ (layers 1 … L−1)
  std::vector<double> scaled_;     // (1/n)·∂E/∂θ of one unit, [n]
  std::vector<double> y_t_;        // one layer's y transposed, [n][size(l)]
  // One sample's output layer, gathered contiguous for the loss table, each [output_size]:
  std::vector<double> out_theta_, out_y_, out_dy_, out_dtheta_;
};

}  // namespace bp
