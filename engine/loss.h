// Loss functions as explicit {f, df} pairs in one table that the UI can list.
//
// The local error E is per sample, over the K output units y_k with targets t_k. The global error
// of a batch is the mean of the local errors over the batch's samples, and training follows the
// gradient of that mean.
//   half-sse  E = ½ Σ_k (t_k − y_k)²                            ∂E/∂y_k = y_k − t_k
//   mse       E = (1/K) Σ_k (t_k − y_k)²                        ∂E/∂y_k = 2 (y_k − t_k) / K
//   bce       E = −(1/K) Σ_k [t_k ln y_k + (1 − t_k) ln(1 − y_k)]   (sigmoid output only)
//   ce        E = −Σ_k t_k ln y_k                               (softmax output only)
// bce and ce are evaluated from θ (log-sum-exp / softplus form) so that a saturated output gives
// the true finite loss instead of ln 0. Their gradient with respect to θ is stated directly
// (fused with the output activation): bce ∂E/∂θ_k = (y_k − t_k)/K, ce ∂E/∂θ_k = y_k − t_k
// (for one-hot targets; (Σt)·y_k − t_k in general).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "activation.h"

namespace bp {

enum class LossId { HalfSse, Mse, Bce, Ce };

struct Loss {
  LossId id;
  const char* name;     // as written on the command line
  const char* formula;  // for the UI
  // Local error of one sample from the output layer's θ and y and the targets t, all of length k.
  double (*f)(const double* theta, const double* y, const double* t, int k);
  // ∂E/∂y_k (may be infinite for bce/ce at a saturated output; training uses df_theta then).
  void (*df)(const double* theta, const double* y, const double* t, int k, double* dE_dy);
  // ∂E/∂θ_k stated directly for losses bound to an activation; nullptr otherwise.
  void (*df_theta)(const double* theta, const double* y, const double* t, int k,
                   double* dE_dtheta);
  std::optional<ActivationId> required_output;  // bce needs sigmoid, ce needs softmax
  // ∂E/∂θ_k as df_theta states it, for the UI; nullptr where df_theta is.
  const char* df_theta_formula;
};

const std::vector<Loss>& losses();
const Loss& loss(LossId id);
// nullptr when the name is unknown.
const Loss* find_loss(std::string_view name);

}  // namespace bp
