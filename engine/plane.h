// Plane: a flat slice through parameter space, p + a·d₁ + b·d₂, on which the loss landscape is
// drawn (landscape.h). p is the point the slice is centred on; d₁ and d₂ are directions of the
// layout of params() (network.h). A line has no d₂ (b is always 0).
//
// The planes offered, in the order of priority:
//   name_plane     d₁, d₂ = unit vectors of two named parameters: an exact axis slice.
//   hessian_plane  d₁, d₂ = eigenvectors of the Hessian's largest and smallest eigenvalue
//                  (plane_hessian.h): the steepest and the flattest direction at p.
//   random_plane   two random directions, filter-normalised per unit (Li et al. 2018).
//   path_plane     the two main directions of recent parameter snapshots (PCA).
//   line_plane     the line from the initial weights (a = −1) through the current ones (a = 0).
// Every builder validates first and leaves *out untouched on error.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dataset.h"
#include "loss.h"
#include "network.h"
#include "status.h"

namespace bp {

struct Plane {
  std::vector<double> origin;  // p, layout of params()
  std::vector<double> d1;      // d₁
  std::vector<double> d2;      // d₂; empty for a line
  std::string axis1;           // what a measures, e.g. "w1" or "λmax direction"
  std::string axis2;           // what b measures; empty for a line
  bool is_line() const { return d2.empty(); }
};

// The point p + a·d₁ + b·d₂ (b is ignored on a line), written into out[num_params].
void plane_point(const Plane& plane, double a, double b, double* out);

// names = "w1,w5": two different parameter names of the engine (param_names.h).
// Errors name the bad name, e.g. "no parameter 'w99': …" or "'w1' twice: the plane needs two
// different parameters".
Status name_plane(const Network& net, const std::string& first, const std::string& second,
                  Plane* out);

// Two directions drawn from N(0, 1) with the seed, each then filter-normalised: for every unit j of
// every layer, the unit's incoming weights and its bias (its "filter") are scaled together so that
// ‖d_unit‖ = ‖p_unit‖ (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets", §4). A unit
// whose parameters are all 0 gets a zero direction, as in their method. So a = 1 moves every unit
// by as much as its own size, whatever the scale of its layer.
Status random_plane(const Network& net, std::uint64_t seed, Plane* out);

// The line from the initial parameters `initial` (a = −1) through the current ones (a = 0):
// d₁ = p − p₀. Fails when p = p₀ (the line has no direction).
Status line_plane(const Network& net, const std::vector<double>& initial, Plane* out);

// The plane of a path: snapshots[t] (layout of params(), oldest first, at least 3) are centred on
// their mean m; the two main directions are the leading eigenvectors of their covariance, found
// through the small T×T Gram matrix G = X Xᵀ (X: the centred snapshots as rows) by power
// iteration with deflation: if G u = σ u then Xᵀu is an eigenvector of XᵀX with the same σ.
// d₁, d₂ are those directions normalised to unit length, so they are orthonormal. The plane is
// centred on the current parameters. Fails when the snapshots do not span two directions.
Status path_plane(const Network& net, const std::vector<std::vector<double>>& snapshots,
                  Plane* out);

// The coordinates (a, b) of the point x projected on the plane: the least-squares solution of
// [d₁ d₂]·(a, b)ᵀ ≈ x − p, i.e. the 2×2 normal equations
//   [d₁·d₁ d₁·d₂; d₁·d₂ d₂·d₂] (a, b)ᵀ = (d₁·(x−p), d₂·(x−p))ᵀ,
// which for orthonormal d₁, d₂ is just the two dot products, and for a random plane (whose
// directions are not orthogonal) is the point of the plane nearest to x. On a line b = 0 and
// a = d₁·(x−p) / d₁·d₁.
struct PlaneCoords {
  double a = 0;
  double b = 0;
};
PlaneCoords project_on_plane(const Plane& plane, const double* x);

}  // namespace bp
