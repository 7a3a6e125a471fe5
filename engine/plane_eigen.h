// Power iteration: the eigenvector of a symmetric linear operator A whose eigenvalue is largest in
// magnitude, needing only products A·v (so A may be a Hessian never written down, plane_hessian.h,
// or the small Gram matrix of a path, plane.h).
//   v ← A v / ‖A v‖,  λ = vᵀ A v (the Rayleigh quotient, v of unit length)
// It stops when ‖A v − λ v‖ ≤ tol·max(|λ|, tiny) (v is then an eigenvector to that accuracy) or after
// max_iter products. It converges at the rate |λ₂/λ₁| per step, so two nearly equal eigenvalues
// are slow; the caller bounds the work with max_iter.
#pragma once
#include <functional>
#include <vector>

namespace bp {

// apply(v, out) writes A·v into out (both of length n).
using LinearOperator = std::function<void(const double* v, double* out)>;

struct Eigenpair {
  double value = 0;           // λ
  std::vector<double> vector; // v, ‖v‖ = 1
  int iterations = 0;         // products A·v used
};

// Starts from `start` (not all zero; length n). If A·v is 0 (A is 0 on everything reached), the
// eigenvalue is 0 and v the start direction.
Eigenpair power_iteration(const LinearOperator& apply, std::vector<double> start, int max_iter,
                          double tol);

// Small helpers on dense vectors, shared by the plane builders.
double dot(const std::vector<double>& x, const std::vector<double>& y);
double norm(const std::vector<double>& x);

}  // namespace bp
