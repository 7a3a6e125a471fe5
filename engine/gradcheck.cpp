#include "gradcheck.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "gradient.h"
#include "pass.h"

namespace bp {
double numerical_gradient(Network* net, const Loss& loss, const Dataset& data, const int* indices,
                          int n, std::size_t p, double eps) {
  double& param = net->params()[p];
  const double saved = param;
  param = saved + eps;
  const double plus = batch_loss(*net, loss, data, indices, n);
  param = saved - eps;
  const double minus = batch_loss(*net, loss, data, indices, n);
  param = saved;
  // (E(p + ε) − E(p − ε)) / 2ε
  return (plus - minus) / (2 * eps);
}

GradCheck check_gradient(Network* net, const Loss& loss, const Dataset& data, const int* indices,
                         int n, double eps) {
  std::vector<double> analytic(net->num_params());
  Trace trace;
  trace.resize(*net);
  batch_gradient(*net, loss, data, indices, n, &trace, analytic.data());
  GradCheck result;
  for (std::size_t p = 0; p < analytic.size(); ++p) {
    const double numeric = numerical_gradient(net, loss, data, indices, n, p, eps);
    const double abs_err = std::fabs(analytic[p] - numeric);
    const double rel_err = abs_err / std::max(std::fabs(analytic[p]) + std::fabs(numeric), 1e-12);
    result.max_abs_error = std::max(result.max_abs_error, abs_err);
    if (rel_err > result.max_rel_error) {
      result.max_rel_error = rel_err;
      result.worst_param = p;
    }
  }
  return result;
}

}  // namespace bp
