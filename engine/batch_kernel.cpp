#include "batch_kernel.h"

#include <algorithm>

#include "activation.h"

namespace bp {

void BatchKernel::reserve(const Network& net, int n) {
  const int L = net.num_layers();
  bool same = n == n_ && int(sizes_.size()) == L;
  for (int l = 0; same && l < L; ++l) same = sizes_[l] == net.size(l);
  if (same) return;
  n_ = n;
  sizes_.resize(L);
  offset_.resize(L);
  std::size_t total = 0;
  for (int l = 0; l < L; ++l) {
    sizes_[l] = net.size(l);
    offset_[l] = total;
    total += std::size_t(net.size(l)) * n;
  }
  // assign() reuses the capacity, so alternating batch sizes (a short last batch of an epoch)
  // allocate only until the largest has been seen.
  for (auto* buf : {&theta_, &y_, &dE_dy_, &dE_dtheta_}) buf->assign(total, 0.0);
  scaled_.assign(n, 0.0);
  for (auto* buf : {&out_theta_, &out_y_, &out_dy_, &out_dtheta_})
    buf->assign(net.output_size(), 0.0);
}

double BatchKernel::gradient(const Network& net, const Loss& loss, const Dataset& data,
                             const int* indices, int n, double* grad) {
  std::fill(grad, grad + net.num_params(), 0.0);
  if (n <= 0) return 0.0;
  reserve(net, n);
  const int L = net.num_layers(), out = L - 1, k = net.output_size();

  // Inputs, transposed from the data set's [sample][input] rows into [input][sample].
  {
    double* __restrict Y0 = y_.data();  // [size(0)][n]
    for (int s = 0; s < n; ++s) {
      const double* x = data.input(indices[s]);
      for (int i = 0; i < net.input_size(); ++i) Y0[std::size_t(i) * n + s] = x[i];
    }
  }

  // Forward: θ_js = b_j + Σ_i w_ji y_is (i in order, as in pass.cpp), then y = f(θ).
  for (int l = 1; l < L; ++l) {
    const int n_in = net.size(l - 1), n_out = net.size(l);
    const double* W = net.weights(l);                         // [n_out][n_in]
    const double* b = net.biases(l);                          // [n_out]
    const double* Y_in = y_.data() + offset_[l - 1];          // [n_in][n]
    double* Theta = theta_.data() + offset_[l];               // [n_out][n]
    double* Y = y_.data() + offset_[l];                       // [n_out][n]
    for (int j = 0; j < n_out; ++j) {
      double* __restrict th = Theta + std::size_t(j) * n;     // [n]
      std::fill(th, th + n, b[j]);
      for (int i = 0; i < n_in; ++i) {
        const double w = W[std::size_t(j) * n_in + i];
        const double* __restrict y_i = Y_in + std::size_t(i) * n;  // [n]
        for (int s = 0; s < n; ++s) th[s] += w * y_i[s];
      }
    }
    const Activation& act = activation(net.activation(l));
    if (act.f) {
      // Elementwise: the whole [n_out][n] block is one call.
      act.f_layer(Theta, Y, n_out * n);
    } else {
      // Softmax couples the units of one sample (output layer only): one sample at a time.
      for (int s = 0; s < n; ++s) {
        for (int c = 0; c < n_out; ++c) out_theta_[c] = Theta[std::size_t(c) * n + s];
        act.f_layer(out_theta_.data(), out_y_.data(), n_out);
        for (int c = 0; c < n_out; ++c) Y[std::size_t(c) * n + s] = out_y_[c];
      }
    }
  }

  // Output layer: the local errors and ∂E/∂θ from the loss table, one sample at a time (the
  // table's functions take one sample's K outputs, contiguous).
  const Activation& out_act = activation(net.activation(out));
  double* Theta_out = theta_.data() + offset_[out];        // [k][n]
  double* Y_out = y_.data() + offset_[out];                // [k][n]
  double* dY_out = dE_dy_.data() + offset_[out];           // [k][n]
  double* dTheta_out = dE_dtheta_.data() + offset_[out];   // [k][n]
  double sum = 0;  // Σ_s E_s in batch order, as in gradient.cpp
  for (int s = 0; s < n; ++s) {
    for (int c = 0; c < k; ++c) {
      out_theta_[c] = Theta_out[std::size_t(c) * n + s];
      out_y_[c] = Y_out[std::size_t(c) * n + s];
    }
    const double* t = data.target(indices[s]);
    sum += loss.f(out_theta_.data(), out_y_.data(), t, k);
    if (loss.df_theta) {
      // ∂E/∂θ stated directly (bce through sigmoid, ce through softmax).
      loss.df_theta(out_theta_.data(), out_y_.data(), t, k, out_dtheta_.data());
    } else {
      loss.df(out_theta_.data(), out_y_.data(), t, k, out_dy_.data());
      if (!out_act.f)  // softmax: the Jacobian-vector product needs the sample's whole layer
        out_act.df_layer(out_theta_.data(), out_y_.data(), out_dy_.data(), out_dtheta_.data(), k);
      for (int c = 0; c < k; ++c) dY_out[std::size_t(c) * n + s] = out_dy_[c];
    }
    if (loss.df_theta || !out_act.f)
      for (int c = 0; c < k; ++c) dTheta_out[std::size_t(c) * n + s] = out_dtheta_[c];
  }
  // Elementwise output activation: ∂E/∂θ = f′(θ) ⊙ ∂E/∂y over the whole block.
  if (!loss.df_theta && out_act.f) out_act.df_layer(Theta_out, Y_out, dY_out, dTheta_out, k * n);

  // Backward. E_batch = (1/n) Σ_s E_s, so each sample's ∂E/∂θ enters the gradient times 1/n.
  const double scale = 1.0 / n;
  for (int l = out; l >= 1; --l) {
    const int n_in = net.size(l - 1), n_out = net.size(l);
    const double* W = net.weights(l);                          // [n_out][n_in]
    const double* Y_in = y_.data() + offset_[l - 1];           // [n_in][n]
    const double* dTheta = dE_dtheta_.data() + offset_[l];     // [n_out][n]
    double* gW = grad + net.weight_offset(l);                  // [n_out][n_in]
    double* gb = grad + net.bias_offset(l);                    // [n_out]
    double* __restrict d = scaled_.data();                     // [n]
    for (int j = 0; j < n_out; ++j) {
      const double* dTheta_j = dTheta + std::size_t(j) * n;
      // d_s = (1/n)·∂E_s/∂θ_j, rounded exactly as pass.cpp's `scale * d_theta[j]`.
      for (int s = 0; s < n; ++s) d[s] = scale * dTheta_j[s];
      // ∂E/∂w_ji = Σ_s d_s · y_is, samples added in batch order. The sum over s is a dependency
      // chain, so four inputs i are summed side by side to keep the pipeline busy.
      double* g = gW + std::size_t(j) * n_in;
      int i = 0;
      for (; i + 4 <= n_in; i += 4) {
        const double* y0 = Y_in + std::size_t(i) * n;
        const double *y1 = y0 + n, *y2 = y1 + n, *y3 = y2 + n;
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (int s = 0; s < n; ++s) {
          a0 += d[s] * y0[s];
          a1 += d[s] * y1[s];
          a2 += d[s] * y2[s];
          a3 += d[s] * y3[s];
        }
        g[i] = a0;
        g[i + 1] = a1;
        g[i + 2] = a2;
        g[i + 3] = a3;
      }
      for (; i < n_in; ++i) {
        const double* y_i = Y_in + std::size_t(i) * n;
        double a = 0;
        for (int s = 0; s < n; ++s) a += d[s] * y_i[s];
        g[i] = a;
      }
      double a = 0;  // ∂E/∂b_j = Σ_s d_s
      for (int s = 0; s < n; ++s) a += d[s];
      gb[j] = a;
    }
    if (l == 1) break;  // the inputs need no ∂E/∂y
    // ∂E/∂y_is = Σ_j w_ji ∂E/∂θ_js (j in order, as in pass.cpp), then ∂E/∂θ = f′ ⊙ ∂E/∂y.
    double* dY = dE_dy_.data() + offset_[l - 1];  // [n_in][n]
    for (int i = 0; i < n_in; ++i) {
      double* __restrict dy = dY + std::size_t(i) * n;  // [n]
      std::fill(dy, dy + n, 0.0);
      for (int j = 0; j < n_out; ++j) {
        const double w = W[std::size_t(j) * n_in + i];
        const double* __restrict dth = dTheta + std::size_t(j) * n;  // [n]
        for (int s = 0; s < n; ++s) dy[s] += w * dth[s];
      }
    }
    // Hidden layers are never softmax, so their derivative is elementwise over the block.
    activation(net.activation(l - 1))
        .df_layer(theta_.data() + offset_[l - 1], y_.data() + offset_[l - 1], dY,
                  dE_dtheta_.data() + offset_[l - 1], n_in * n);
  }
  return sum / n;
}

}  // namespace bp
