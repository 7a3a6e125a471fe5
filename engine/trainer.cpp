#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "input_limits.h"

namespace bp {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

Status validate(const Hyperparams& h) {
  if (!(h.learning_rate > 0 && h.learning_rate <= kMaxLearningRate))
    return Status::error("learning rate must be in (0, " + num(kMaxLearningRate) + "], got " +
                         num(h.learning_rate));
  if (!(h.momentum >= 0 && h.momentum < 1))
    return Status::error("momentum must be in [0, 1), got " + num(h.momentum));
  if (h.batch_size < 1 || h.batch_size > kMaxBatch)
    return Status::error("batch size must be 1 … " + std::to_string(kMaxBatch) + ", got " +
                         std::to_string(h.batch_size));
  if (!(h.l1 >= 0 && std::isfinite(h.l1)))
    return Status::error("L1 rate must be finite and ≥ 0, got " + num(h.l1));
  if (!(h.l2 >= 0 && std::isfinite(h.l2)))
    return Status::error("L2 rate must be finite and ≥ 0, got " + num(h.l2));
  return Status::ok();
}

Trainer::Trainer(Network* net, LossId loss, const Dataset* train, std::uint64_t seed, bool shuffle)
    : net_(net), loss_(&bp::loss(loss)), train_(train), rng_(seed), shuffle_(shuffle) {
  grad_.assign(net_->num_params(), 0.0);
  velocity_.assign(net_->num_params(), 0.0);
  new_epoch_order();
}

Status Trainer::set_hyperparams(const Hyperparams& h) {
  Status s = validate(h);
  if (s) hyper_ = h;
  return s;
}

void Trainer::new_epoch_order() {
  if (shuffle_) {
    order_ = shuffled_indices(train_->size(), &rng_);
  } else {
    order_.resize(train_->size());
    std::iota(order_.begin(), order_.end(), 0);
  }
}

int Trainer::next_batch_size() const {
  return std::min(hyper_.batch_size, train_->size() - position_);
}

int Trainer::iterations_per_epoch() const {
  const int n = train_->size();
  return (n + hyper_.batch_size - 1) / hyper_.batch_size;
}

std::vector<int> Trainer::next_batch() const {
  return std::vector<int>(order_.begin() + position_, order_.begin() + position_ + next_batch_size());
}

void Trainer::zero_grad() { std::fill(grad_.begin(), grad_.end(), 0.0); }

double Trainer::forward_backward() {
  const int n = next_batch_size();
  // The batched kernel gives bit-for-bit batch_gradient()'s result (see batch_kernel.h), faster.
  last_batch_loss_ =
      kernel_.gradient(*net_, *loss_, *train_, order_.data() + position_, n, grad_.data());
  // Penalties on weights only: ∂/∂w (λ₂/2 · w² + λ₁ · |w|) = λ₂ · w + λ₁ · sign(w).
  if (hyper_.l1 != 0 || hyper_.l2 != 0) {
    const std::vector<double>& p = net_->params();
    for (int l = 1; l < net_->num_layers(); ++l) {
      const std::size_t begin = net_->weight_offset(l), end = net_->bias_offset(l);
      for (std::size_t k = begin; k < end; ++k) {
        const double sign = p[k] > 0 ? 1.0 : (p[k] < 0 ? -1.0 : 0.0);
        grad_[k] += hyper_.l2 * p[k] + hyper_.l1 * sign;
      }
    }
  }
  return last_batch_loss_;
}

void Trainer::update() {
  // v ← μ·v − η·g ;  p ← p + v
  std::vector<double>& p = net_->params();
  const double mu = hyper_.momentum, eta = hyper_.learning_rate;
  for (std::size_t k = 0; k < p.size(); ++k) {
    velocity_[k] = mu * velocity_[k] - eta * grad_[k];
    p[k] += velocity_[k];
  }
  ++iteration_;
  position_ += next_batch_size();
  if (position_ >= train_->size()) {
    position_ = 0;
    ++epoch_;
    new_epoch_order();
  }
}

double Trainer::step() {
  zero_grad();
  const double e = forward_backward();
  update();
  return e;
}

void Trainer::run_epoch() {
  if (train_->size() == 0) return;
  const long long start = epoch_;
  while (epoch_ == start) step();
}

void Trainer::zero_velocity() { std::fill(velocity_.begin(), velocity_.end(), 0.0); }

void Trainer::restart() {
  std::fill(velocity_.begin(), velocity_.end(), 0.0);
  std::fill(grad_.begin(), grad_.end(), 0.0);
  position_ = 0;
  iteration_ = 0;
  epoch_ = 0;
  last_batch_loss_ = 0;
  new_epoch_order();
}

}  // namespace bp
