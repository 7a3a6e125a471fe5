#include "plane_hessian.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "gradient.h"
#include "plane_eigen.h"
#include "rng.h"

namespace bp {
namespace {

constexpr double kEigenTolerance = 1e-10;

bool all_finite(const std::vector<double>& x) {
  return std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
}

// x with its component along the unit vector u removed, normalised (0 if nothing is left).
std::vector<double> orthonormal_to(std::vector<double> x, const std::vector<double>& u) {
  const double along = dot(x, u);
  for (std::size_t k = 0; k < x.size(); ++k) x[k] -= along * u[k];
  const double len = norm(x);
  if (len > 0)
    for (double& v : x) v /= len;
  return x;
}

}  // namespace

std::vector<double> hessian_vector(const Network& net, const Loss& loss, const Dataset& data,
                                   const std::vector<double>& v) {
  const std::size_t n = net.num_params();
  std::vector<double> hv(n, 0.0);
  const double v_norm = norm(v);
  if (v_norm == 0) return hv;
  const double eps = 1e-4 * std::max(1.0, norm(net.params())) / v_norm;
  std::vector<int> all(data.size());
  std::iota(all.begin(), all.end(), 0);
  Network shifted = net;
  Trace trace;
  trace.resize(net);
  std::vector<double> g_plus(n), g_minus(n);
  for (std::size_t k = 0; k < n; ++k) shifted.params()[k] = net.params()[k] + eps * v[k];
  batch_gradient(shifted, loss, data, all.data(), data.size(), &trace, g_plus.data());
  for (std::size_t k = 0; k < n; ++k) shifted.params()[k] = net.params()[k] - eps * v[k];
  batch_gradient(shifted, loss, data, all.data(), data.size(), &trace, g_minus.data());
  for (std::size_t k = 0; k < n; ++k) hv[k] = (g_plus[k] - g_minus[k]) / (2 * eps);
  return hv;
}

Status hessian_extremes(const Network& net, const Loss& loss, const Dataset& data, int max_iter,
                        HessianExtremes* out) {
  if (data.size() == 0) return Status::error("the Hessian needs at least one training sample");
  const std::size_t n = net.num_params();
  std::vector<double> start(n);
  Rng rng(1);
  for (double& x : start) x = rng.normal();

  bool finite = true;
  auto h = [&](const double* v, double* hv) {
    const std::vector<double> r = hessian_vector(net, loss, data, std::vector<double>(v, v + n));
    finite = finite && all_finite(r);
    std::copy(r.begin(), r.end(), hv);
  };
  const Eigenpair first = power_iteration(h, start, max_iter, kEigenTolerance);
  const double shift = first.value;
  auto shifted = [&](const double* v, double* bv) {
    h(v, bv);
    for (std::size_t k = 0; k < n; ++k) bv[k] -= shift * v[k];
  };
  // Start the second iteration away from the first eigenvector, which B maps to 0.
  std::vector<double> start2 = orthonormal_to(start, first.vector);
  if (norm(start2) == 0) start2 = start;
  const Eigenpair second = power_iteration(shifted, start2, max_iter, kEigenTolerance);
  if (!finite || !std::isfinite(first.value) || !std::isfinite(second.value))
    return Status::error("the loss's curvature is not finite at these parameters");

  HessianExtremes e;
  e.products = first.iterations + second.iterations;
  const double lambda_other = second.value + shift;
  if (first.value >= 0) {
    e.lambda_max = first.value;
    e.v_max = first.vector;
    e.lambda_min = lambda_other;
    e.v_min = orthonormal_to(second.vector, e.v_max);
  } else {
    e.lambda_max = lambda_other;
    e.v_max = second.vector;
    e.lambda_min = first.value;
    e.v_min = orthonormal_to(first.vector, e.v_max);
  }
  *out = std::move(e);
  return Status::ok();
}

Status hessian_plane(const Network& net, const Loss& loss, const Dataset& data, Plane* out,
                     HessianExtremes* extremes, int max_iter) {
  HessianExtremes e;
  if (Status s = hessian_extremes(net, loss, data, max_iter, &e); !s) return s;
  Plane plane;
  plane.origin = net.params();
  plane.d1 = e.v_max;
  plane.d2 = e.v_min;
  plane.axis1 = "λmax direction";
  plane.axis2 = "λmin direction";
  *out = std::move(plane);
  if (extremes != nullptr) *extremes = std::move(e);
  return Status::ok();
}

}  // namespace bp
