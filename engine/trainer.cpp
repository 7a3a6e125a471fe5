#include "trainer.h"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace bp {

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

double Trainer::epochs_done() const {
  const int n = train_->size();
  return n > 0 ? double(epoch_) + double(position_) / n : double(epoch_);
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
  // The batched kernel gives batch_gradient()'s result bit for bit (batch_kernel.h), faster.
  last_batch_loss_ =
      kernel_.gradient(*net_, *loss_, *train_, order_.data() + position_, n, grad_.data());
  // Penalties on weights only (update_rule.h): g ← g + (λ₂·w + λ₁·sign(w)).
  if (has_penalty(hyper_)) {
    const std::vector<double>& p = net_->params();
    for (int l = 1; l < net_->num_layers(); ++l)
      for (std::size_t k = net_->weight_offset(l); k < net_->bias_offset(l); ++k)
        grad_[k] = penalised_gradient(p[k], grad_[k], hyper_);
  }
  return last_batch_loss_;
}

void Trainer::update() {
  // v ← μ·v − η·g ;  p ← p + v
  std::vector<double>& p = net_->params();
  for (std::size_t k = 0; k < p.size(); ++k) {
    velocity_[k] = next_velocity(velocity_[k], grad_[k], hyper_);
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

std::vector<UpdateTerms> Trainer::preview_update_all() const {
  // forward_backward() and update() on copies: the gradient into scratch by a kernel of the same
  // code (its results do not depend on what its workspace held before), then the rule per
  // parameter, weights with the penalties and biases without.
  std::vector<double> g_loss(net_->num_params());
  BatchKernel kernel;
  kernel.gradient(*net_, *loss_, *train_, order_.data() + position_, next_batch_size(),
                  g_loss.data());
  const std::vector<double>& p = net_->params();
  std::vector<UpdateTerms> terms(p.size());
  for (int l = 1; l < net_->num_layers(); ++l) {
    for (std::size_t k = net_->weight_offset(l); k < net_->bias_offset(l); ++k)
      terms[k] = update_terms(p[k], g_loss[k], true, velocity_[k], hyper_);
    for (int j = 0; j < net_->size(l); ++j) {
      const std::size_t k = net_->bias_index(l, j);
      terms[k] = update_terms(p[k], g_loss[k], false, velocity_[k], hyper_);
    }
  }
  return terms;
}

UpdateTerms Trainer::preview_update(std::size_t k) const {
  assert(k < net_->num_params());
  return preview_update_all()[k];
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
