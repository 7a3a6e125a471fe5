#include "boundary_params.h"

namespace bplab::boundary_params {

bool fits(const bp::Network& net) {
  const int layers = net.num_layers();
  if (layers < 2 || layers > kMaxLayers) return false;
  for (int l = 0; l < layers; ++l)
    if (net.size(l) > kMaxUnits) return false;
  return true;
}

int pack(const bp::Network& net, Packed* out, Offsets* offset) {
  out->fill(0.0f);
  int cursor = 0;  // in vec4
  for (int l = 1; l < net.num_layers(); ++l) {
    // engine/network.h: W_l row-major [size(l)][size(l−1)], then b_l.
    const int n_in = net.size(l - 1), n_out = net.size(l), row = groups(n_in);
    (*offset)[l] = cursor;
    const double* w = net.weights(l);
    for (int j = 0; j < n_out; ++j)
      for (int i = 0; i < n_in; ++i)
        (*out)[std::size_t(cursor + j * row) * 4 + i] = static_cast<float>(w[j * n_in + i]);
    const double* b = net.biases(l);
    for (int j = 0; j < n_out; ++j) (*out)[std::size_t(cursor + n_out * row) * 4 + j] = static_cast<float>(b[j]);
    cursor += layer_vec4s(n_in, n_out);
  }
  return cursor;
}

}  // namespace bplab::boundary_params
