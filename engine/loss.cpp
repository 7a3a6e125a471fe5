#include "loss.h"

#include <algorithm>
#include <cmath>

namespace bp {
namespace {

// ½ Σ_k (t_k − y_k)²
double half_sse(const double*, const double* y, const double* t, int k) {
  double e = 0;
  for (int i = 0; i < k; ++i) e += (t[i] - y[i]) * (t[i] - y[i]);
  return 0.5 * e;
}
// ∂E/∂y_k = y_k − t_k
void half_sse_d(const double*, const double* y, const double* t, int k, double* d) {
  for (int i = 0; i < k; ++i) d[i] = y[i] - t[i];
}

// (1/K) Σ_k (t_k − y_k)²
double mse(const double*, const double* y, const double* t, int k) {
  double e = 0;
  for (int i = 0; i < k; ++i) e += (t[i] - y[i]) * (t[i] - y[i]);
  return e / k;
}
// ∂E/∂y_k = 2 (y_k − t_k) / K
void mse_d(const double*, const double* y, const double* t, int k, double* d) {
  for (int i = 0; i < k; ++i) d[i] = 2.0 * (y[i] - t[i]) / k;
}

// softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e^−|x|), finite for every finite x.
double softplus(double x) { return std::max(x, 0.0) + std::log1p(std::exp(-std::fabs(x))); }

// With y = σ(θ): −ln y = softplus(−θ) and −ln(1 − y) = softplus(θ), so
// E = (1/K) Σ_k [t_k softplus(−θ_k) + (1 − t_k) softplus(θ_k)].
double bce(const double* theta, const double*, const double* t, int k) {
  double e = 0;
  for (int i = 0; i < k; ++i) e += t[i] * softplus(-theta[i]) + (1.0 - t[i]) * softplus(theta[i]);
  return e / k;
}
// ∂E/∂y_k = −(1/K) (t_k / y_k − (1 − t_k) / (1 − y_k))
void bce_d(const double*, const double* y, const double* t, int k, double* d) {
  for (int i = 0; i < k; ++i) d[i] = -(t[i] / y[i] - (1.0 - t[i]) / (1.0 - y[i])) / k;
}
// Through the sigmoid, dy/dθ = y (1 − y) cancels the denominators: ∂E/∂θ_k = (y_k − t_k) / K.
void bce_dtheta(const double*, const double* y, const double* t, int k, double* d) {
  for (int i = 0; i < k; ++i) d[i] = (y[i] - t[i]) / k;
}

// With y = softmax(θ): ln y_k = θ_k − lse(θ), lse(θ) = m + ln Σ_j e^{θ_j − m}, m = max θ.
// E = −Σ_k t_k ln y_k = Σ_k t_k (lse(θ) − θ_k).
double ce(const double* theta, const double*, const double* t, int k) {
  const double m = *std::max_element(theta, theta + k);
  double sum = 0;
  for (int i = 0; i < k; ++i) sum += std::exp(theta[i] - m);
  const double lse = m + std::log(sum);
  double e = 0;
  for (int i = 0; i < k; ++i) e += t[i] * (lse - theta[i]);
  return e;
}
// ∂E/∂y_k = −t_k / y_k
void ce_d(const double*, const double* y, const double* t, int k, double* d) {
  for (int i = 0; i < k; ++i) d[i] = -t[i] / y[i];
}
// ∂E/∂θ_j = (Σ_k t_k) y_j − t_j, which is y_j − t_j for targets that sum to 1 (one-hot).
void ce_dtheta(const double*, const double* y, const double* t, int k, double* d) {
  double t_sum = 0;
  for (int i = 0; i < k; ++i) t_sum += t[i];
  for (int i = 0; i < k; ++i) d[i] = t_sum * y[i] - t[i];
}

const std::vector<Loss> kLosses = {
    {LossId::HalfSse, "half-sse", "E = ½ Σₖ (tₖ − yₖ)²", half_sse, half_sse_d, nullptr,
     std::nullopt, nullptr},
    {LossId::Mse, "mse", "E = (1/K) Σₖ (tₖ − yₖ)²", mse, mse_d, nullptr, std::nullopt, nullptr},
    {LossId::Bce, "bce", "E = −(1/K) Σₖ [tₖ ln yₖ + (1 − tₖ) ln(1 − yₖ)]", bce, bce_d, bce_dtheta,
     ActivationId::Sigmoid, "δₖ = ∂E/∂θₖ = (yₖ − tₖ)/K"},
    {LossId::Ce, "ce", "E = −Σₖ tₖ ln yₖ", ce, ce_d, ce_dtheta, ActivationId::Softmax,
     "δₖ = ∂E/∂θₖ = yₖ − tₖ (one-hot t)"},
};

}  // namespace

const std::vector<Loss>& losses() { return kLosses; }

const Loss& loss(LossId id) { return kLosses[static_cast<int>(id)]; }

const Loss* find_loss(std::string_view name) {
  for (const Loss& l : kLosses)
    if (name == l.name) return &l;
  return nullptr;
}

}  // namespace bp
