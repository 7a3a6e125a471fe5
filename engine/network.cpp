#include "network.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>

#include "input_limits.h"

namespace bp {

Status Network::create(const std::vector<LayerSpec>& layers, Network* out) {
  const int n = static_cast<int>(layers.size());
  if (n < 2 || n > kMaxLayers)
    return Status::error("layers: need 2 … " + std::to_string(kMaxLayers) +
                         " layers (input and output included), got " + std::to_string(n));
  for (int l = 0; l < n; ++l) {
    const LayerSpec& spec = layers[l];
    const std::string where = "layers[" + std::to_string(l) + "]";
    if (spec.size < 1 || spec.size > kMaxUnits)
      return Status::error(where + ": size must be 1 … " + std::to_string(kMaxUnits) + ", got " +
                           std::to_string(spec.size));
    if (l > 0 && bp::activation(spec.activation).output_only && l != n - 1)
      return Status::error(where + ": " + bp::activation(spec.activation).name +
                           " is only allowed on the output layer");
  }
  Network net;
  net.layers_ = layers;
  net.weight_offset_.assign(n, 0);
  std::size_t offset = 0;
  for (int l = 1; l < n; ++l) {
    net.weight_offset_[l] = offset;
    offset += std::size_t(layers[l].size) * (layers[l - 1].size + 1);
  }
  net.params_.assign(offset, 0.0);
  *out = std::move(net);
  return Status::ok();
}

int Network::max_width() const {
  int w = 0;
  for (const LayerSpec& s : layers_) w = std::max(w, s.size);
  return w;
}

std::size_t Network::num_weights() const {
  std::size_t n = 0;
  for (int l = 1; l < num_layers(); ++l) n += std::size_t(size(l)) * size(l - 1);
  return n;
}

Network::ParamRef Network::param_ref(std::size_t k) const {
  assert(k < num_params());
  int l = num_layers() - 1;
  while (weight_offset(l) > k) --l;  // the last layer starting at or before k
  if (k >= bias_offset(l)) return {l, int(k - bias_offset(l)), -1};
  const std::size_t in_layer = k - weight_offset(l), fan_in = std::size_t(size(l - 1));
  return {l, int(in_layer / fan_in), int(in_layer % fan_in)};
}

bool Network::is_finite() const {
  return std::all_of(params_.begin(), params_.end(), [](double p) { return std::isfinite(p); });
}

}  // namespace bp
