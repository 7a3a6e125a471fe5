#include "plane.h"

#include <cmath>

#include "param_names.h"
#include "plane_eigen.h"
#include "rng.h"

namespace bp {
namespace {

constexpr int kPathIterations = 500;
constexpr double kPathTolerance = 1e-12;

}  // namespace

void plane_point(const Plane& plane, double a, double b, double* out) {
  const std::size_t n = plane.origin.size();
  if (plane.is_line()) {
    for (std::size_t k = 0; k < n; ++k) out[k] = plane.origin[k] + a * plane.d1[k];
    return;
  }
  for (std::size_t k = 0; k < n; ++k)
    out[k] = plane.origin[k] + a * plane.d1[k] + b * plane.d2[k];
}

Status name_plane(const Network& net, const std::string& first, const std::string& second,
                  Plane* out) {
  std::size_t k1 = 0, k2 = 0;
  if (Status s = find_param(net, first, &k1); !s) return s;
  if (Status s = find_param(net, second, &k2); !s) return s;
  if (k1 == k2)
    return Status::error("'" + first + "' twice: the plane needs two different parameters");
  Plane plane;
  plane.origin = net.params();
  plane.d1.assign(net.num_params(), 0.0);
  plane.d2.assign(net.num_params(), 0.0);
  plane.d1[k1] = 1;
  plane.d2[k2] = 1;
  plane.axis1 = first;
  plane.axis2 = second;
  *out = std::move(plane);
  return Status::ok();
}

Status random_plane(const Network& net, std::uint64_t seed, Plane* out) {
  Plane plane;
  plane.origin = net.params();
  Rng rng(seed);
  for (std::vector<double>* d : {&plane.d1, &plane.d2}) {
    d->assign(net.num_params(), 0.0);
    for (double& x : *d) x = rng.normal();
    // Filter normalisation: unit j's filter is its row of W_l and its bias b_j.
    for (int l = 1; l < net.num_layers(); ++l)
      for (int j = 0; j < net.size(l); ++j) {
        const std::size_t row = net.param_index(l, j, 0), bias = net.bias_index(l, j);
        const int fan_in = net.size(l - 1);
        double p2 = plane.origin[bias] * plane.origin[bias], d2 = (*d)[bias] * (*d)[bias];
        for (int i = 0; i < fan_in; ++i) {
          p2 += plane.origin[row + i] * plane.origin[row + i];
          d2 += (*d)[row + i] * (*d)[row + i];
        }
        const double scale = d2 > 0 ? std::sqrt(p2 / d2) : 0.0;
        for (int i = 0; i < fan_in; ++i) (*d)[row + i] *= scale;
        (*d)[bias] *= scale;
      }
  }
  plane.axis1 = "random direction 1";
  plane.axis2 = "random direction 2";
  *out = std::move(plane);
  return Status::ok();
}

Status line_plane(const Network& net, const std::vector<double>& initial, Plane* out) {
  if (initial.size() != net.num_params())
    return Status::error("the initial parameters have another shape than the network");
  Plane plane;
  plane.origin = net.params();
  plane.d1.resize(net.num_params());
  for (std::size_t k = 0; k < plane.d1.size(); ++k) plane.d1[k] = plane.origin[k] - initial[k];
  if (norm(plane.d1) == 0)
    return Status::error("the parameters are still the initial ones: the line has no direction");
  plane.axis1 = "initial (−1) → current (0)";
  *out = std::move(plane);
  return Status::ok();
}

Status path_plane(const Network& net, const std::vector<std::vector<double>>& snapshots,
                  Plane* out) {
  const std::size_t t_count = snapshots.size(), n = net.num_params();
  if (t_count < 3) return Status::error("the path plane needs at least 3 snapshots of the path");
  for (const std::vector<double>& s : snapshots)
    if (s.size() != n) return Status::error("a snapshot of the path has another shape than the network");
  std::vector<double> mean(n, 0.0);
  for (const std::vector<double>& s : snapshots)
    for (std::size_t k = 0; k < n; ++k) mean[k] += s[k] / double(t_count);
  std::vector<std::vector<double>> x(t_count, std::vector<double>(n));
  for (std::size_t t = 0; t < t_count; ++t)
    for (std::size_t k = 0; k < n; ++k) x[t][k] = snapshots[t][k] - mean[k];
  // G = X Xᵀ, T×T, row-major.
  std::vector<double> g(t_count * t_count);
  for (std::size_t r = 0; r < t_count; ++r)
    for (std::size_t c = 0; c <= r; ++c) g[r * t_count + c] = g[c * t_count + r] = dot(x[r], x[c]);
  auto apply = [&](const double* u, double* gu) {
    for (std::size_t r = 0; r < t_count; ++r) {
      double s = 0;
      for (std::size_t c = 0; c < t_count; ++c) s += g[r * t_count + c] * u[c];
      gu[r] = s;
    }
  };
  std::vector<double> start(t_count);
  Rng rng(1);
  for (double& s : start) s = rng.normal();
  const Eigenpair first = power_iteration(apply, start, kPathIterations, kPathTolerance);
  // Deflation: G − σ₁ u₁u₁ᵀ has u₂ as its leading eigenvector.
  auto deflated = [&](const double* u, double* gu) {
    apply(u, gu);
    double along = 0;
    for (std::size_t r = 0; r < t_count; ++r) along += first.vector[r] * u[r];
    for (std::size_t r = 0; r < t_count; ++r) gu[r] -= first.value * along * first.vector[r];
  };
  const Eigenpair second = power_iteration(deflated, start, kPathIterations, kPathTolerance);
  // dₖ = Xᵀ uₖ, normalised; d₂ made exactly orthogonal to d₁.
  Plane plane;
  plane.origin = net.params();
  plane.d1.assign(n, 0.0);
  plane.d2.assign(n, 0.0);
  for (std::size_t t = 0; t < t_count; ++t)
    for (std::size_t k = 0; k < n; ++k) {
      plane.d1[k] += first.vector[t] * x[t][k];
      plane.d2[k] += second.vector[t] * x[t][k];
    }
  const double n1 = norm(plane.d1);
  if (!(n1 > 0) || !std::isfinite(n1))
    return Status::error("the path has not moved: its plane has no direction");
  for (double& v : plane.d1) v /= n1;
  const double along = dot(plane.d2, plane.d1);
  for (std::size_t k = 0; k < n; ++k) plane.d2[k] -= along * plane.d1[k];
  const double n2 = norm(plane.d2);
  // A path along one straight line spans one direction only.
  if (!(n2 > 1e-12 * n1))
    return Status::error("the path runs along one line: its plane has only one direction");
  for (double& v : plane.d2) v /= n2;
  plane.axis1 = "path direction 1";
  plane.axis2 = "path direction 2";
  *out = std::move(plane);
  return Status::ok();
}

PlaneCoords project_on_plane(const Plane& plane, const double* x) {
  const std::size_t n = plane.origin.size();
  double d11 = 0, d12 = 0, d22 = 0, r1 = 0, r2 = 0;
  const bool line = plane.is_line();
  for (std::size_t k = 0; k < n; ++k) {
    const double r = x[k] - plane.origin[k];
    d11 += plane.d1[k] * plane.d1[k];
    r1 += plane.d1[k] * r;
    if (!line) {
      d12 += plane.d1[k] * plane.d2[k];
      d22 += plane.d2[k] * plane.d2[k];
      r2 += plane.d2[k] * r;
    }
  }
  PlaneCoords c;
  if (line) {
    c.a = d11 > 0 ? r1 / d11 : 0.0;
    return c;
  }
  // Cramer's rule on the 2×2 normal equations.
  const double det = d11 * d22 - d12 * d12;
  if (det == 0) return c;
  c.a = (r1 * d22 - r2 * d12) / det;
  c.b = (d11 * r2 - d12 * r1) / det;
  return c;
}

}  // namespace bp
