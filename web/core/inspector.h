// Inspector: the backprop walk-through of one parameter on one training sample. It holds what the
// learner selected (the weight w_ji or the bias b_j of a layer, the sample, how far the walk has
// stepped) and
// answers, from the engine, what the views and lessons show of it: the sample's forward and
// backward trace, the weight's gradient over the whole training set, the error curve E(w), and the
// update the trainer will make. Each answer is computed once per state of the lab and selection,
// however many views ask for it in a frame; while the lab trains, once per evaluation of its losses
// (Lab::shown_revision()).
//
// The walk has 4·(L−1) + 2 steps for a network of L layers:
//   0                  the input (y of layer 0 = the sample's features)
//   1 … L−1            forward: θ_j = Σ_i w_ji·y_i + b_j, y_j = f(θ_j), one layer a step
//   then per layer l from the output down, three steps:
//                      ∂E/∂θ_j = f′(θ_j)·∂E/∂y_j,  ∂E/∂y_i = Σ_j w_ji·∂E/∂θ_j (sent to layer l−1),
//                      ∂E/∂w_ji = ∂E/∂θ_j·y_i  (∂E/∂b_j = ∂E/∂θ_j = δ_j: a bias's input is 1)
//   last               the update: v ← μ·v − η·g, w ← w + v
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "network.h"
#include "pass.h"
#include "update_rule.h"

namespace lab {

class Lab;

// Which parameter and which sample the inspector looks at, and how far it has stepped. A bias is
// selected by input = −1, as in bp::Network::ParamRef: b_j is the weight of a constant input 1.
struct InspectorSelection {
  int sample = 0;  // index into the training set
  int layer = 1;   // layer of the selected parameter (≥ 1)
  int unit = 0;    // j: unit of `layer`, from 0 (the views show j + 1)
  int input = 0;   // i: unit of layer − 1, from 0 (shown as i + 1); −1 for the bias b_j
  int step = 0;    // 0 … Inspector::steps() − 1
  bool is_bias() const { return input < 0; }
};

// What a step of the walk computes.
enum class InspectorPhase { Input, Forward, BackwardTheta, BackwardY, BackwardW, Update };
struct InspectorStep {
  InspectorPhase phase;
  int layer;  // the layer this step computes (0 for the input, L−1 for the update)
};

class Inspector {
 public:
  explicit Inspector(const Lab& lab) : lab_(lab) {}
  Inspector(const Inspector&) = delete;
  Inspector& operator=(const Inspector&) = delete;

  InspectorSelection& selection() { return sel_; }
  const InspectorSelection& selection() const { return sel_; }
  // Selects w_ji of layer l; false (nothing changes) when out of range.
  bool select_weight(int l, int j, int i);
  // Selects the bias b_j of layer l; false (nothing changes) when out of range.
  bool select_bias(int l, int j);
  // Selects params()[k] by its index, weight or bias; false when k is out of range.
  bool select_param(std::size_t k);
  // After the network was rebuilt: the first weight, the first sample, the first step.
  void reset() { sel_ = InspectorSelection{}; }

  int steps() const;
  // What step `step` computes, and whether the value of (phase, layer) has been computed by the
  // current step.
  InspectorStep step_at(int step) const;
  bool revealed(InspectorPhase phase, int layer) const;

  // The engine's name of the selected parameter ("w5", or "b1.2" for a bias).
  std::string weight_name() const;
  // The index into params() of the selected parameter.
  std::size_t param_index() const;
  // The network as of the lab's shown revision (Lab::shown_revision: while training, at the last
  // evaluation of the losses), whose weights every answer below uses but batch_update().
  const bp::Network& network() const;
  // The selected parameter's value.
  double value() const;
  // y_i, the input the selected weight multiplies on the inspected sample (1 for a bias).
  double input_value() const;
  // The selected sample (clamped into the training set; the set must not be empty).
  int sample() const;
  // The full forward and backward trace of the selected sample (sized but zero with no samples).
  const bp::Trace& trace() const;
  // ∂E/∂p of the selected parameter p on the inspected sample: ∂E/∂θ_j·y_i for w_ji, δ_j =
  // ∂E/∂θ_j for b_j.
  double sample_gradient() const;
  // ∂E/∂p (∂E/∂w_ji or ∂E/∂b_j) for the global error over the whole training set: the slope of error_curve() at the
  // current w (a full-batch step without momentum moves w by −η times it).
  double slope() const;
  // The training set's global error with the selected parameter set to each of n ≥ 2 values evenly
  // spaced over [lo, hi], the other parameters fixed: the curve E(w).
  const std::vector<double>& error_curve(double lo, double hi, int n) const;
  // The selected parameter's next update as if the selected sample were the whole batch (online
  // learning), with the trainer's η, μ, λ and velocity: an illustration.
  bp::UpdateTerms sample_update() const;
  // The update the trainer's next step() makes to the selected parameter, on the next batch, with
  // every term (the engine's preview; nothing changes).
  bp::UpdateTerms batch_update() const;
  // The engine's central difference of the inspected sample's error in the selected parameter
  // (bp::numerical_gradient): the check of sample_gradient().
  double numerical_gradient() const;

 private:
  // Recomputes cached answers when the lab or the selection changed since they were made.
  void refresh() const;

  const Lab& lab_;
  InspectorSelection sel_;
  // Caches, valid for (revision_, cached_sel_).
  mutable std::uint64_t revision_ = ~std::uint64_t(0);
  mutable InspectorSelection cached_sel_;
  mutable bool has_trace_ = false, has_slope_ = false, has_batch_update_ = false, has_numeric_ = false;
  mutable bp::Network shown_;                  // the lab's network at revision_
  mutable std::vector<double> shown_velocity_;  // the trainer's velocity then
  mutable bp::Trace trace_;
  mutable double slope_ = 0, numeric_ = 0;
  mutable bp::UpdateTerms batch_update_;
  mutable std::vector<double> curve_;
  mutable double curve_lo_ = 0, curve_hi_ = 0;
};

}  // namespace lab
