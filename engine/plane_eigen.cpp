#include "plane_eigen.h"

#include <algorithm>
#include <cmath>

namespace bp {

double dot(const std::vector<double>& x, const std::vector<double>& y) {
  double s = 0;
  for (std::size_t i = 0; i < x.size(); ++i) s += x[i] * y[i];
  return s;
}

double norm(const std::vector<double>& x) { return std::sqrt(dot(x, x)); }

Eigenpair power_iteration(const LinearOperator& apply, std::vector<double> start, int max_iter,
                          double tol) {
  Eigenpair e;
  const std::size_t n = start.size();
  e.vector = std::move(start);
  const double n0 = norm(e.vector);
  for (double& x : e.vector) x /= n0;
  std::vector<double> av(n);
  for (e.iterations = 1; e.iterations <= max_iter; ++e.iterations) {
    apply(e.vector.data(), av.data());
    e.value = dot(e.vector, av);
    double residual = 0;
    for (std::size_t i = 0; i < n; ++i)
      residual += (av[i] - e.value * e.vector[i]) * (av[i] - e.value * e.vector[i]);
    const double len = norm(av);
    if (len == 0) return e;
    if (std::sqrt(residual) <= tol * std::max(std::abs(e.value), 1e-300)) return e;
    for (std::size_t i = 0; i < n; ++i) e.vector[i] = av[i] / len;
  }
  e.iterations = max_iter;
  return e;
}

}  // namespace bp
