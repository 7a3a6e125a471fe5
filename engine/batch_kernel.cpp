#include "batch_kernel.h"

#include <algorithm>

#include "activation.h"

namespace bp {
namespace {

// out[t] = init + w_0·rows_0[t] + w_1·rows_1[t] + … (terms added in order c = 0, 1, …, count−1)
// for B consecutive columns t = 0 … B−1 (samples, or inputs in the transposed gradient), with
// w_c = w[c·w_stride] and rows_c = rows + c·row_stride. The B partial sums stay in registers over
// the whole sum over c (B is a compile-time constant, so the loops over t unroll into B/2 two-lane
// vectors) and are stored once; a loop over all columns per term would load and store every
// partial sum count times.
template <int B>
inline void weighted_rows(const double* w, int w_stride, int count, const double* rows,
                          std::size_t row_stride, double init, double* out) {
  double acc[B];
  for (int t = 0; t < B; ++t) acc[t] = init;
  for (int c = 0; c < count; ++c) {
    const double wc = w[std::size_t(c) * w_stride];
    const double* r = rows + std::size_t(c) * row_stride;
    for (int t = 0; t < B; ++t) acc[t] += wc * r[t];
  }
  for (int t = 0; t < B; ++t) out[t] = acc[t];
}

// weighted_rows over rows of length n (row c at rows + c·n): blocks of 8, then one of 4, 2 and 1
// as needed.
void weighted_rows_n(const double* w, int w_stride, int count, const double* rows, int n,
                     double init, double* out) {
  const std::size_t stride = n;
  int s = 0;
  for (; s + 8 <= n; s += 8) weighted_rows<8>(w, w_stride, count, rows + s, stride, init, out + s);
  if (s + 4 <= n) {
    weighted_rows<4>(w, w_stride, count, rows + s, stride, init, out + s);
    s += 4;
  }
  if (s + 2 <= n) {
    weighted_rows<2>(w, w_stride, count, rows + s, stride, init, out + s);
    s += 2;
  }
  if (s < n) weighted_rows<1>(w, w_stride, count, rows + s, stride, init, out + s);
}

}  // namespace

bool BatchKernel::reserve(const Network& net, int n) {
  const int L = net.num_layers();
  bool same = n == n_ && int(sizes_.size()) == L;
  for (int l = 0; same && l < L; ++l) same = sizes_[l] == net.size(l);
  if (same) return false;
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
  y_t_.assign(std::size_t(*std::max_element(sizes_.begin(), sizes_.end())) * n, 0.0);
  for (auto* buf : {&out_theta_, &out_y_, &out_dy_, &out_dtheta_})
    buf->assign(net.output_size(), 0.0);
  return true;
}

void BatchKernel::forward(const Network& net, const Dataset& data, const int* indices, int n,
                          const char* varies) {
  // A new layout holds no previous values to keep.
  if (reserve(net, n)) varies = nullptr;
  const int L = net.num_layers();

  // Inputs, transposed from the data set's [sample][input] rows into [input][sample]; they never
  // vary.
  if (varies == nullptr) {
    double* __restrict Y0 = y_.data();  // [size(0)][n]
    for (int s = 0; s < n; ++s) {
      const double* x = data.input(indices[s]);
      for (int i = 0; i < net.input_size(); ++i) Y0[std::size_t(i) * n + s] = x[i];
    }
  }

  // Forward: θ_js = b_j + Σ_i w_ji y_is (i in order, as in pass.cpp), then y = f(θ).
  const char* flags = varies;  // layer l's units, when given
  for (int l = 1; l < L; ++l) {
    const int n_in = net.size(l - 1), n_out = net.size(l);
    if (flags != nullptr) flags += n_in;
    const double* P = net.params().data();
    const double* Y_in = y_.data() + offset_[l - 1];          // [n_in][n]
    double* Theta = theta_.data() + offset_[l];               // [n_out][n]
    double* Y = y_.data() + offset_[l];                       // [n_out][n]
    bool any = false;
    for (int j = 0; j < n_out; ++j) {  // θ_j[s] = b_j + Σ_i w_ji·Y_in[i][s]
      if (flags != nullptr && !flags[j]) continue;
      any = true;
      weighted_rows_n(P + net.param_index(l, j, 0), 1, n_in, Y_in, n, P[net.bias_index(l, j)],
                      Theta + std::size_t(j) * n);
    }
    if (!any) continue;
    const Activation& act = activation(net.activation(l));
    if (act.f && flags == nullptr) {
      // Elementwise: the whole [n_out][n] block is one call.
      act.f_layer(Theta, Y, n_out * n);
    } else if (act.f) {
      // Elementwise, on the flagged units' rows: the same operations on each value.
      for (int j = 0; j < n_out; ++j)
        if (flags[j]) act.f_layer(Theta + std::size_t(j) * n, Y + std::size_t(j) * n, n);
    } else {
      // Softmax couples the units of one sample (output layer only): one sample at a time, all of
      // its units as soon as one θ moved.
      for (int s = 0; s < n; ++s) {
        for (int c = 0; c < n_out; ++c) out_theta_[c] = Theta[std::size_t(c) * n + s];
        act.f_layer(out_theta_.data(), out_y_.data(), n_out);
        for (int c = 0; c < n_out; ++c) Y[std::size_t(c) * n + s] = out_y_[c];
      }
    }
  }
}

double BatchKernel::loss(const Network& net, const Loss& loss, const Dataset& data,
                         const int* indices, int n) {
  if (n <= 0) return 0.0;
  forward(net, data, indices, n);
  return output_loss(net, loss, data, indices, n);
}

double BatchKernel::loss_again(const Network& net, const Loss& loss, const Dataset& data,
                               const int* indices, int n, const char* varies) {
  if (n <= 0) return 0.0;
  forward(net, data, indices, n, varies);
  return output_loss(net, loss, data, indices, n);
}

void BatchKernel::gather_output(const Network& net, int k) {
  const int out = net.num_layers() - 1, K = net.output_size();
  const double* Theta_out = theta_.data() + offset_[out];  // [K][n_]
  const double* Y_out = y_.data() + offset_[out];          // [K][n_]
  for (int c = 0; c < K; ++c) {
    out_theta_[c] = Theta_out[std::size_t(c) * n_ + k];
    out_y_[c] = Y_out[std::size_t(c) * n_ + k];
  }
}

double BatchKernel::output_loss(const Network& net, const Loss& loss, const Dataset& data,
                                const int* indices, int n) {
  double sum = 0;  // Σ_s E_s in batch order, as in gradient.cpp
  for (int s = 0; s < n; ++s) {
    gather_output(net, s);
    sum += loss.f(out_theta_.data(), out_y_.data(), data.target(indices[s]), net.output_size());
  }
  return sum / n;
}

double BatchKernel::gradient(const Network& net, const Loss& loss, const Dataset& data,
                             const int* indices, int n, double* grad) {
  std::fill(grad, grad + net.num_params(), 0.0);
  if (n <= 0) return 0.0;
  forward(net, data, indices, n);
  const int L = net.num_layers(), out = L - 1, k = net.output_size();

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
    const double* P = net.params().data();
    const double* Y_in = y_.data() + offset_[l - 1];           // [n_in][n]
    const double* dTheta = dE_dtheta_.data() + offset_[l];     // [n_out][n]
    double* __restrict d = scaled_.data();                     // [n]
    // Y_in transposed to [n][n_in], so that one sample's inputs are contiguous.
    double* __restrict Yt = y_t_.data();
    for (int i = 0; i < n_in; ++i)
      for (int s = 0; s < n; ++s) Yt[std::size_t(s) * n_in + i] = Y_in[std::size_t(i) * n + s];
    for (int j = 0; j < n_out; ++j) {
      const double* dTheta_j = dTheta + std::size_t(j) * n;
      // d_s = (1/n)·∂E_s/∂θ_j, rounded exactly as pass.cpp's `scale * d_theta[j]`.
      for (int s = 0; s < n; ++s) d[s] = scale * dTheta_j[s];
      // ∂E/∂w_ji = 0 + Σ_s d_s·y_is, samples added in batch order. Each sum over s is a dependency
      // chain; over the transposed inputs the chains of all i advance side by side, vectorised.
      weighted_rows_n(d, 1, n, Yt, n_in, 0.0, grad + net.param_index(l, j, 0));
      double a = 0;  // ∂E/∂b_j = Σ_s d_s
      for (int s = 0; s < n; ++s) a += d[s];
      grad[net.bias_index(l, j)] = a;
    }
    if (l == 1) break;  // the inputs need no ∂E/∂y
    // ∂E/∂y_is = Σ_j w_ji ∂E/∂θ_js (j in order, as in pass.cpp), then ∂E/∂θ = f′ ⊙ ∂E/∂y.
    double* dY = dE_dy_.data() + offset_[l - 1];  // [n_in][n]
    // ∂E/∂y_i[s] = 0 + Σ_j w_ji·∂E/∂θ_j[s]: column i of layer l's weights, w_0i, w_1i, …, whose
    // entries lie param_index(l, j + 1, i) − param_index(l, j, i) = n_in apart.
    for (int i = 0; i < n_in; ++i)
      weighted_rows_n(P + net.param_index(l, 0, i), n_in, n_out, dTheta, n, 0.0,
                      dY + std::size_t(i) * n);
    // Hidden layers are never softmax, so their derivative is elementwise over the block.
    activation(net.activation(l - 1))
        .df_layer(theta_.data() + offset_[l - 1], y_.data() + offset_[l - 1], dY,
                  dE_dtheta_.data() + offset_[l - 1], n_in * n);
  }
  return sum / n;
}

}  // namespace bp
