// The update rule: what one iteration does to one parameter p, given the gradient of the batch's
// global error, in the order the Trainer computes it:
//   g = ∂E_batch/∂p + (λ₂·p + λ₁·sign(p))   (the penalty terms on weights only, not biases)
//   v ← μ·v − η·g
//   p ← p + v
// The Trainer applies these functions to every parameter, and update_terms() gives the same
// numbers term by term for one parameter, so a view that explains an update shows the very bits
// the Trainer will compute.
#pragma once

#include "status.h"

namespace bp {

struct Hyperparams {
  double learning_rate = 0.03;  // η
  double momentum = 0.0;        // μ ∈ [0, 1)
  int batch_size = 10;          // 1 … kMaxBatch; larger than the set means the whole set
  double l1 = 0.0;              // λ₁ ≥ 0
  double l2 = 0.0;              // λ₂ ≥ 0
};

// Names the first bad field, e.g. "momentum must be in [0, 1), got 1.5".
Status validate(const Hyperparams& h);

// Whether the penalty terms are added at all: with λ₁ = λ₂ = 0 the Trainer skips them, so that
// g is ∂E/∂p itself (adding +0 would turn a −0 gradient into +0).
inline bool has_penalty(const Hyperparams& h) { return h.l1 != 0 || h.l2 != 0; }

// ∂/∂w (λ₁·|w|) = λ₁·sign(w), with sign(0) = 0 (the subgradient at the kink).
inline double l1_term(double w, const Hyperparams& h) {
  return h.l1 * (w > 0 ? 1.0 : (w < 0 ? -1.0 : 0.0));
}
// ∂/∂w (λ₂/2 · w²) = λ₂·w.
inline double l2_term(double w, const Hyperparams& h) { return h.l2 * w; }

// g = g_loss + (λ₂·w + λ₁·sign(w)) for a weight when has_penalty(h).
inline double penalised_gradient(double w, double g_loss, const Hyperparams& h) {
  return g_loss + (l2_term(w, h) + l1_term(w, h));
}

// v ← μ·v − η·g
inline double next_velocity(double v, double g, const Hyperparams& h) {
  return h.momentum * v - h.learning_rate * g;
}

// One parameter's update with every term in it.
struct UpdateTerms {
  double w = 0;       // the parameter now
  double g_loss = 0;  // ∂E/∂p of the error alone
  double g_l1 = 0;    // λ₁·sign(p) (0 for a bias, or when λ₁ = λ₂ = 0)
  double g_l2 = 0;    // λ₂·p (0 for a bias, or when λ₁ = λ₂ = 0)
  double g = 0;       // g_loss + (g_l2 + g_l1): what the step uses
  double v_old = 0;   // the velocity now
  double v_new = 0;   // μ·v_old − η·g
  double w_new = 0;   // w + v_new: the parameter after the step
};

// The terms for a parameter w with error gradient g_loss and velocity v_old; is_weight says
// whether the penalties apply. Pure: with g_loss of one sample it shows the update as if that
// sample were the whole batch; with the batch's gradient it is the Trainer's own update.
inline UpdateTerms update_terms(double w, double g_loss, bool is_weight, double v_old,
                                const Hyperparams& h) {
  UpdateTerms u;
  u.w = w;
  u.g_loss = g_loss;
  u.g = g_loss;
  if (is_weight && has_penalty(h)) {
    u.g_l1 = l1_term(w, h);
    u.g_l2 = l2_term(w, h);
    u.g = penalised_gradient(w, g_loss, h);
  }
  u.v_old = v_old;
  u.v_new = next_velocity(v_old, u.g, h);
  u.w_new = w + u.v_new;
  return u;
}

}  // namespace bp
