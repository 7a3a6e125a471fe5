// The Hessian plane: the eigenvectors of the largest and the smallest eigenvalue of the Hessian H
// of the mean loss over a data set at the network's parameters p, i.e. the directions in which the
// loss curves up most steeply and least (or curves down, at a saddle). For a linear model with the
// ½SSE loss E is quadratic, H = X̃ᵀX̃/N (X̃: the inputs with a 1 appended for the bias) is the same
// everywhere, and the plane shows the loss exactly: Distill's "Why Momentum Really Works" picture.
//
// H is never formed. Its products with a vector come from the engine's full-batch gradient g
// (gradient.h) by central differences:
//   H v ≈ (g(p + ε v) − g(p − ε v)) / (2ε),  ε = 10⁻⁴·max(1, ‖p‖)/‖v‖
// whose error is O(ε²) from the third derivatives (zero for a quadratic loss) plus rounding of
// about 10⁻¹⁶·‖g‖/ε.
//
// The two ends of the spectrum by power iteration (plane_eigen.h):
//   1. plain power iteration on H gives λ₁, the eigenvalue largest in magnitude;
//   2. shifted power iteration on B = H − λ₁·I, whose eigenvalues λ − λ₁ all have the sign of
//      −λ₁, gives as its dominant eigenvalue the other end of the spectrum, λ₂ − λ₁.
// So if λ₁ ≥ 0 then λmax = λ₁ and λmin = λ₂, and the other way round if λ₁ < 0 (a Hessian whose
// negative curvature dominates). d₂ is orthogonalised against d₁ (Gram–Schmidt) so that the plane
// has two directions even when the two eigenvalues are nearly equal.
#pragma once
#include <vector>

#include "dataset.h"
#include "loss.h"
#include "network.h"
#include "plane.h"
#include "status.h"

namespace bp {

// H·v at net's parameters, by the central difference above (two full-batch gradients).
std::vector<double> hessian_vector(const Network& net, const Loss& loss, const Dataset& data,
                                   const std::vector<double>& v);

struct HessianExtremes {
  double lambda_max = 0;
  double lambda_min = 0;
  std::vector<double> v_max;  // unit eigenvector of λmax
  std::vector<double> v_min;  // unit eigenvector of λmin, orthogonal to v_max
  int products = 0;           // Hessian-vector products used
};

// At most max_iter products per end of the spectrum. Fails on an empty data set or a loss or
// gradient that is not finite.
Status hessian_extremes(const Network& net, const Loss& loss, const Dataset& data, int max_iter,
                        HessianExtremes* out);

// The plane through net's parameters along v_max (a) and v_min (b), from hessian_extremes with
// at most max_iter products per end (300 is plenty for the lab's small networks, see
// plane_eigen.h on convergence; a caller with a time budget passes fewer).
Status hessian_plane(const Network& net, const Loss& loss, const Dataset& data, Plane* out,
                     HessianExtremes* extremes = nullptr, int max_iter = 300);

}  // namespace bp
