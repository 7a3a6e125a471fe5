// Trainer: mini-batch gradient descent with classical momentum.
//
// One iteration takes the next batch of the epoch's order and makes one update of every parameter
// by the rule in update_rule.h:
//   g ← ∂E_batch/∂params + λ₂·w + λ₁·sign(w)     (penalties on weights only, not biases)
//   v ← μ·v − η·g
//   params ← params + v
// An epoch is one pass over the training set; the last batch of an epoch may be smaller than the
// batch size. With shuffling the order is redrawn from the seed at the start of every epoch;
// otherwise the file order is kept. Changing η, μ, λ or the batch size between iterations keeps the
// velocity, the counters and the position in the epoch.
#pragma once
#include <cstdint>
#include <vector>

#include "batch_kernel.h"
#include "dataset.h"
#include "loss.h"
#include "network.h"
#include "pass.h"
#include "rng.h"
#include "status.h"
#include "update_rule.h"

namespace bp {

class Trainer {
 public:
  // net and train must outlive the trainer. shuffle = false keeps file order.
  Trainer(Network* net, LossId loss, const Dataset* train, std::uint64_t seed, bool shuffle);

  // Validates first; on error nothing changes.
  Status set_hyperparams(const Hyperparams& h);
  const Hyperparams& hyperparams() const { return hyper_; }
  const Loss& loss() const { return *loss_; }

  // The three parts of an iteration, as separate calls: step() is exactly these in this order.
  void zero_grad();
  double forward_backward();  // gradient of the next batch into gradient(); returns its global error
  void update();              // momentum step with gradient(); advances to the next batch

  double step();              // zero_grad + forward_backward + update; returns the batch's error
  void run_epoch();           // steps until the current epoch is complete

  // Zeroes the velocity and the counters and redraws the first epoch's order.
  void restart();
  // Zeroes the velocity only (after the parameters were rolled back from a divergence, the old
  // velocity would carry the blow-up into the next update).
  void zero_velocity();

  long long iteration() const { return iteration_; }  // updates made so far
  long long epoch() const { return epoch_; }          // completed epochs
  int position() const { return position_; }          // samples of the current epoch consumed
  // Epochs as a real number: epoch() + position() / N for N training samples (epoch() when N = 0).
  // Counting samples, not iterations, keeps it exact when the batch size changes mid-epoch.
  double epochs_done() const;
  int iterations_per_epoch() const;
  double last_batch_loss() const { return last_batch_loss_; }
  // Sample indices of the batch the next forward_backward() will use.
  std::vector<int> next_batch() const;

  const std::vector<double>& gradient() const { return grad_; }      // g, layout of params
  const std::vector<double>& velocity() const { return velocity_; }  // v, layout of params

  // The update the next step() will make, term by term, without changing the trainer or the
  // network: the next batch's gradient is computed into scratch space by the same kernel, so every
  // number is bit for bit what step() then computes. For all parameters (layout of params) or for
  // params()[k] alone (the same cost: the whole batch's gradient is needed either way).
  std::vector<UpdateTerms> preview_update_all() const;
  UpdateTerms preview_update(std::size_t k) const;

 private:
  void new_epoch_order();
  int next_batch_size() const;

  Network* net_;
  const Loss* loss_;
  const Dataset* train_;
  Rng rng_;
  bool shuffle_;
  Hyperparams hyper_;
  std::vector<int> order_;
  std::vector<double> grad_;
  std::vector<double> velocity_;
  BatchKernel kernel_;  // forward_backward()'s workspace, reused across iterations
  int position_ = 0;
  long long iteration_ = 0;
  long long epoch_ = 0;
  double last_batch_loss_ = 0;
};

}  // namespace bp
