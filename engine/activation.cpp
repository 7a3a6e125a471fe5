#include "activation.h"

#include <algorithm>
#include <cmath>

#include "fast_math.h"

namespace bp {
namespace {

// Logistic sigmoid y = 1 / (1 + e^−θ), dy/dθ = y (1 − y). math::sigmoid is the plain formula or
// its fast approximation, depending on the build (fast_math.h); it is inline, so the layer loops
// below vectorise over it.
double sigmoid(double theta) { return math::sigmoid(theta); }
double sigmoid_d(double, double y) { return y * (1.0 - y); }

// tanh: dy/dθ = 1 − y².
double tanh_f(double theta) { return math::tanh(theta); }
double tanh_d(double, double y) { return 1.0 - y * y; }

// ReLU y = max(0, θ); dy/dθ = 1 for θ > 0, else 0 (the subgradient 0 at θ = 0).
double relu(double theta) { return theta > 0 ? theta : 0.0; }
double relu_d(double theta, double) { return theta > 0 ? 1.0 : 0.0; }

double linear(double theta) { return theta; }
double linear_d(double, double) { return 1.0; }

template <double (*F)(double)>
void elementwise_layer(const double* theta, double* y, int n) {
  for (int j = 0; j < n; ++j) y[j] = F(theta[j]);
}

// ∂E/∂θ_j = f′(θ_j) · ∂E/∂y_j (the Jacobian of an elementwise function is diagonal).
template <double (*DF)(double, double)>
void elementwise_layer_d(const double* theta, const double* y, const double* dE_dy,
                         double* dE_dtheta, int n) {
  for (int j = 0; j < n; ++j) dE_dtheta[j] = DF(theta[j], y[j]) * dE_dy[j];
}

// Softmax y_j = e^{θ_j − m} / Σ_k e^{θ_k − m}, m = max θ (the shift cancels and avoids overflow).
void softmax_layer(const double* theta, double* y, int n) {
  const double m = *std::max_element(theta, theta + n);
  double sum = 0;
  for (int j = 0; j < n; ++j) sum += (y[j] = std::exp(theta[j] - m));
  for (int j = 0; j < n; ++j) y[j] /= sum;
}

// ∂y_k/∂θ_j = y_k (δ_kj − y_j), so ∂E/∂θ_j = Σ_k ∂E/∂y_k · y_k (δ_kj − y_j)
//                                         = y_j (∂E/∂y_j − Σ_k y_k ∂E/∂y_k).
void softmax_layer_d(const double*, const double* y, const double* dE_dy, double* dE_dtheta,
                     int n) {
  double dot = 0;
  for (int k = 0; k < n; ++k) dot += y[k] * dE_dy[k];
  for (int j = 0; j < n; ++j) dE_dtheta[j] = y[j] * (dE_dy[j] - dot);
}

const std::vector<Activation> kActivations = {
    {ActivationId::Sigmoid, "sigmoid", "y = 1 / (1 + e^−θ)", "dy/dθ = y (1 − y)", sigmoid,
     sigmoid_d, elementwise_layer<sigmoid>, elementwise_layer_d<sigmoid_d>, false},
    {ActivationId::Tanh, "tanh", "y = tanh θ", "dy/dθ = 1 − y²", tanh_f, tanh_d,
     elementwise_layer<tanh_f>, elementwise_layer_d<tanh_d>, false},
    {ActivationId::Relu, "relu", "y = max(0, θ)", "dy/dθ = 1 if θ > 0, else 0", relu, relu_d,
     elementwise_layer<relu>, elementwise_layer_d<relu_d>, false},
    {ActivationId::Linear, "linear", "y = θ", "dy/dθ = 1", linear, linear_d,
     elementwise_layer<linear>, elementwise_layer_d<linear_d>, false},
    {ActivationId::Softmax, "softmax", "y_j = e^θⱼ / Σₖ e^θₖ",
     "∂E/∂θⱼ = yⱼ (∂E/∂yⱼ − Σₖ yₖ ∂E/∂yₖ)", nullptr, nullptr, softmax_layer, softmax_layer_d,
     true},
};

}  // namespace

const std::vector<Activation>& activations() { return kActivations; }

const Activation& activation(ActivationId id) { return kActivations[static_cast<int>(id)]; }

const Activation* find_activation(std::string_view name) {
  for (const Activation& a : kActivations)
    if (name == a.name) return &a;
  return nullptr;
}

}  // namespace bp
