#include "gradient.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace bp {

double batch_gradient(const Network& net, const Loss& loss, const Dataset& data, const int* indices,
                      int n, Trace* trace, double* grad) {
  std::fill(grad, grad + net.num_params(), 0.0);
  if (n <= 0) return 0.0;
  // E_batch = (1/n) Σ_s E_s, so each sample's gradient enters with weight 1/n.
  const double scale = 1.0 / n;
  double sum = 0;
  for (int k = 0; k < n; ++k) {
    const int s = indices[k];
    forward(net, data.input(s), trace);
    backward(net, loss, data.target(s), trace, grad, scale);
    sum += trace->loss;
  }
  return sum / n;
}

double batch_loss(const Network& net, const Loss& loss, const Dataset& data, const int* indices,
                  int n) {
  Trace trace;
  trace.resize(net);
  double sum = 0;
  for (int k = 0; k < n; ++k) {
    const int s = indices[k];
    forward(net, data.input(s), &trace);
    sum += loss.f(trace.theta.back().data(), trace.y.back().data(), data.target(s),
                  net.output_size());
  }
  return n > 0 ? sum / n : 0.0;
}

ErrorStats error_stats(const Network& net, const Loss& loss, const Dataset& data,
                       Confusion* confusion, BatchKernel* kernel) {
  ErrorStats stats;
  const int n = data.size(), k = net.output_size();
  if (confusion) *confusion = Confusion(class_count(k));
  if (n == 0) return stats;
  BatchKernel local;
  std::vector<int> all(std::size_t(n), 0);
  std::iota(all.begin(), all.end(), 0);
  double loss_sum = 0;
  (kernel ? *kernel : local).each_output(net, data, all.data(), n, [&](int s, const double* theta, const double* y) {
    const double* t = data.target(s);
    for (int j = 0; j < k; ++j) stats.sse += (t[j] - y[j]) * (t[j] - y[j]);
    loss_sum += loss.f(theta, y, t, k);
    if (confusion) confusion->add(y, t, k);
  });
  stats.mse = stats.sse / (double(n) * k);
  stats.rmse = std::sqrt(stats.mse);
  stats.mean_loss = loss_sum / n;
  return stats;
}

double mean_loss(const Network& net, const Loss& loss, const Dataset& data) {
  return error_stats(net, loss, data).mean_loss;
}

}  // namespace bp
