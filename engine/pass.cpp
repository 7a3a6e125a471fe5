#include "pass.h"

#include <cassert>

namespace bp {

void Trace::resize(const Network& net) {
  const int n = net.num_layers();
  for (auto* buf : {&theta, &y, &dE_dy, &dE_dtheta}) {
    buf->resize(n);
    for (int l = 0; l < n; ++l) (*buf)[l].assign(net.size(l), 0.0);
  }
}

bool Trace::fits(const Network& net) const {
  const std::size_t n = std::size_t(net.num_layers());
  for (const auto* buf : {&theta, &y, &dE_dy, &dE_dtheta}) {
    if (buf->size() != n) return false;
    for (std::size_t l = 0; l < n; ++l)
      if ((*buf)[l].size() != std::size_t(net.size(int(l)))) return false;
  }
  return true;
}

Status check_loss(const Network& net, const Loss& loss) {
  const ActivationId out = net.activation(net.num_layers() - 1);
  if (loss.required_output && *loss.required_output != out)
    return Status::error(std::string("loss ") + loss.name + " needs a " +
                         activation(*loss.required_output).name + " output layer, got " +
                         activation(out).name);
  return Status::ok();
}

void forward(const Network& net, const double* x, Trace* trace) {
  const int L = net.num_layers();
  if (!trace->fits(net)) trace->resize(net);
  for (int i = 0; i < net.input_size(); ++i) trace->y[0][i] = x[i];
  for (int l = 1; l < L; ++l) {
    const int n_in = net.size(l - 1), n_out = net.size(l);
    const double* p = net.params().data();
    const double* y_in = trace->y[l - 1].data();
    double* theta = trace->theta[l].data();
    // θ_j = Σ_i w_ji y_i + b_j
    for (int j = 0; j < n_out; ++j) {
      double s = p[net.bias_index(l, j)];
      const double* w_row = p + net.param_index(l, j, 0);  // w_j0 … w_j(n_in−1), contiguous
      for (int i = 0; i < n_in; ++i) s += w_row[i] * y_in[i];
      theta[j] = s;
    }
    // y_j = f(θ_j)
    activation(net.activation(l)).f_layer(theta, trace->y[l].data(), n_out);
  }
}

void backward(const Network& net, const Loss& loss, const double* t, Trace* trace, double* grad,
              double scale) {
  const int L = net.num_layers();
  const int out = L - 1, k = net.output_size();
  const double* theta_out = trace->theta[out].data();
  const double* y_out = trace->y[out].data();
  trace->loss = loss.f(theta_out, y_out, t, k);
  loss.df(theta_out, y_out, t, k, trace->dE_dy[out].data());
  if (loss.df_theta) {
    assert(check_loss(net, loss));
    // ∂E/∂θ_k stated directly (bce through sigmoid, ce through softmax).
    loss.df_theta(theta_out, y_out, t, k, trace->dE_dtheta[out].data());
  } else {
    // ∂E/∂θ_j = f′(θ_j) · ∂E/∂y_j (softmax: the Jacobian-vector product).
    activation(net.activation(out))
        .df_layer(theta_out, y_out, trace->dE_dy[out].data(), trace->dE_dtheta[out].data(), k);
  }
  for (int l = out; l >= 1; --l) {
    const int n_in = net.size(l - 1), n_out = net.size(l);
    const double* p = net.params().data();
    const double* d_theta = trace->dE_dtheta[l].data();
    const double* y_in = trace->y[l - 1].data();
    if (grad) {
      // ∂E/∂w_ji = ∂E/∂θ_j · y_i,  ∂E/∂b_j = ∂E/∂θ_j  (scaled into the batch mean)
      for (int j = 0; j < n_out; ++j) {
        const double d = scale * d_theta[j];
        double* g_row = grad + net.param_index(l, j, 0);
        for (int i = 0; i < n_in; ++i) g_row[i] += d * y_in[i];
        grad[net.bias_index(l, j)] += d;
      }
    }
    // ∂E/∂y_i = Σ_j w_ji · ∂E/∂θ_j
    double* d_y = trace->dE_dy[l - 1].data();
    for (int i = 0; i < n_in; ++i) d_y[i] = 0.0;
    for (int j = 0; j < n_out; ++j) {
      const double* w_row = p + net.param_index(l, j, 0);
      for (int i = 0; i < n_in; ++i) d_y[i] += w_row[i] * d_theta[j];
    }
    if (l > 1)
      activation(net.activation(l - 1))
          .df_layer(trace->theta[l - 1].data(), trace->y[l - 1].data(), d_y,
                    trace->dE_dtheta[l - 1].data(), n_in);
  }
}

}  // namespace bp
