// Numerical gradient check by central differences:
//   ∂E/∂p ≈ (E(p + ε) − E(p − ε)) / 2ε,  error O(ε²)
// where E is the global error (mean local error) of the given samples.
#pragma once
#include <cstddef>
#include <vector>

#include "dataset.h"
#include "loss.h"
#include "network.h"

namespace bp {

// Numerical ∂E/∂params[p] over samples indices[0..n). net is perturbed and restored exactly.
double numerical_gradient(Network* net, const Loss& loss, const Dataset& data, const int* indices,
                          int n, std::size_t p, double eps = 1e-6);

struct GradCheck {
  double max_abs_error = 0;  // max |analytic − numerical|
  double max_rel_error = 0;  // max |a − n| / max(|a| + |n|, 1e-12)
  std::size_t worst_param = 0;
};

// Compares batch_gradient with numerical_gradient for every parameter.
GradCheck check_gradient(Network* net, const Loss& loss, const Dataset& data, const int* indices,
                         int n, double eps = 1e-6);

}  // namespace bp
