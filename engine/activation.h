// Activation functions as explicit {f, df} pairs in one table that the UI can list.
// A derivative is never inferred numerically: each entry states it.
//
// Elementwise activations give scalar f(θ) and df(θ, y) = dy/dθ (y = f(θ) is passed so that the
// sigmoid can use y(1 − y) without recomputing the exponential). Softmax is not elementwise:
// y_j = e^{θ_j} / Σ_k e^{θ_k}, so its pair works on a whole layer and its df is the
// Jacobian-vector product ∂E/∂θ_j = y_j (∂E/∂y_j − Σ_k y_k ∂E/∂y_k).
#pragma once
#include <string_view>
#include <vector>

namespace bp {

enum class ActivationId { Sigmoid, Tanh, Relu, Linear, Softmax };

struct Activation {
  ActivationId id;
  const char* name;        // as written in model files and on the command line
  const char* f_formula;   // for the UI, e.g. "y = 1 / (1 + e^−θ)"
  const char* df_formula;  // e.g. "dy/dθ = y (1 − y)"
  // Elementwise pair; nullptr for softmax.
  double (*f)(double theta);
  double (*df)(double theta, double y);
  // Layer pair, valid for every entry: y[0..n) = f(θ[0..n)) and
  // dE_dtheta[0..n) = J_fᵀ · dE_dy[0..n).
  void (*f_layer)(const double* theta, double* y, int n);
  void (*df_layer)(const double* theta, const double* y, const double* dE_dy, double* dE_dtheta,
                   int n);
  bool output_only;  // softmax may only be the output layer's activation
};

// The table, in a fixed order (the order of ActivationId).
const std::vector<Activation>& activations();
const Activation& activation(ActivationId id);
// nullptr when the name is unknown.
const Activation* find_activation(std::string_view name);

}  // namespace bp
