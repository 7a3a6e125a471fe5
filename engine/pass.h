// Forward and backward pass of one sample, keeping every intermediate for the inspector.
//
// forward:   θ_j = Σ_i w_ji y_i + b_j          (transfer potential / logit of unit j)
//            y_j = f(θ_j)
// backward:  ∂E/∂θ_j = f′(θ_j) · ∂E/∂y_j       (output layer: from the loss; bce/ce fused)
//            ∂E/∂y_i = Σ_j w_ji · ∂E/∂θ_j      (error sent back to the previous layer)
//            ∂E/∂w_ji = ∂E/∂θ_j · y_i,  ∂E/∂b_j = ∂E/∂θ_j
#pragma once
#include <vector>

#include "loss.h"
#include "network.h"
#include "status.h"

namespace bp {

// A loss bound to an output activation (bce: sigmoid, ce: softmax) refuses any other, e.g.
// "loss ce needs a softmax output layer, got sigmoid".
Status check_loss(const Network& net, const Loss& loss);

// Per-layer buffers of one sample, each indexed [layer][unit]; layer 0 holds the input in y.
struct Trace {
  std::vector<std::vector<double>> theta;      // θ, [L][size(l)] (layer 0 unused)
  std::vector<std::vector<double>> y;          // y, [L][size(l)]
  std::vector<std::vector<double>> dE_dy;      // ∂E/∂y, [L][size(l)]
  std::vector<std::vector<double>> dE_dtheta;  // ∂E/∂θ, [L][size(l)] (layer 0 unused)
  double loss = 0;                             // local error E of this sample

  void resize(const Network& net);
  // Whether every buffer has net's shape: a trace kept from a network of the same depth but other
  // widths does not.
  bool fits(const Network& net) const;
};

// Fills trace->theta and trace->y from the input x[input_size].
void forward(const Network& net, const double* x, Trace* trace);

// From a trace filled by forward(): sets trace->loss, trace->dE_dy, trace->dE_dtheta for targets
// t[output_size] (check_loss(net, loss) must hold), and adds scale · ∂E/∂param to grad[num_params] (pass scale = 1/batch size to
// accumulate the gradient of a batch mean; grad may be nullptr).
void backward(const Network& net, const Loss& loss, const double* t, Trace* trace, double* grad,
              double scale);

}  // namespace bp
