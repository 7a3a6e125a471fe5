// Network: the architecture and parameters of a multi-layer perceptron.
//
// Layers are numbered 0 … L−1; layer 0 is the input and has no activation or parameters.
// For l ≥ 1, W_l[j][i] is the weight from unit i of layer l−1 to unit j of layer l, and b_l[j] the
// bias of unit j. All parameters live in one contiguous buffer (so the optimiser, the gradient and
// the momentum velocity are flat vectors of the same layout):
//   params = [W_1 (size(1)×size(0), row-major), b_1 (size(1)), W_2, b_2, …]
#pragma once
#include <cassert>
#include <cstddef>
#include <vector>

#include "activation.h"
#include "status.h"

namespace bp {

struct LayerSpec {
  int size;
  ActivationId activation;  // ignored for the input layer
};

class Network {
 public:
  // Validates sizes (1 … kMaxUnits units, 2 … kMaxLayers layers) and activations (softmax only on
  // the output layer) before allocating; on error *out is left untouched.
  static Status create(const std::vector<LayerSpec>& layers, Network* out);

  int num_layers() const { return static_cast<int>(layers_.size()); }
  int size(int l) const { return layers_[l].size; }
  int input_size() const { return layers_.front().size; }
  int output_size() const { return layers_.back().size; }
  ActivationId activation(int l) const { return layers_[l].activation; }
  const std::vector<LayerSpec>& layers() const { return layers_; }
  int max_width() const;

  // Offsets into params() for layer l ≥ 1.
  std::size_t weight_offset(int l) const { return weight_offset_[l]; }
  std::size_t bias_offset(int l) const { return weight_offset_[l] + std::size_t(size(l)) * size(l - 1); }
  std::size_t num_params() const { return params_.size(); }
  std::size_t num_weights() const;  // excluding biases

  double* weights(int l) { return params_.data() + weight_offset(l); }  // [size(l)][size(l-1)]
  const double* weights(int l) const { return params_.data() + weight_offset(l); }
  double* biases(int l) { return params_.data() + bias_offset(l); }  // [size(l)]
  const double* biases(int l) const { return params_.data() + bias_offset(l); }
  // The flat index into params() of w_ji of layer l ≥ 1 (from unit i of layer l−1 to unit j of
  // layer l) and of b_j of layer l: the one place the layout above is written as a formula.
  //   param_index(l, j, i) = weight_offset(l) + j·size(l−1) + i
  //   bias_index(l, j)     = bias_offset(l) + j
  std::size_t param_index(int l, int j, int i) const {
    assert(l >= 1 && l < num_layers() && j >= 0 && j < size(l) && i >= 0 && i < size(l - 1));
    return weight_offset(l) + std::size_t(j) * size(l - 1) + std::size_t(i);
  }
  std::size_t bias_index(int l, int j) const {
    assert(l >= 1 && l < num_layers() && j >= 0 && j < size(l));
    return bias_offset(l) + std::size_t(j);
  }
  // The inverse: which weight or bias params()[k] is, for k < num_params().
  struct ParamRef {
    int layer;  // l ≥ 1
    int unit;   // j
    int input;  // i, or −1 for the bias b_j
    bool is_bias() const { return input < 0; }
  };
  ParamRef param_ref(std::size_t k) const;

  double& weight(int l, int j, int i) { return params_[param_index(l, j, i)]; }
  double weight(int l, int j, int i) const { return params_[param_index(l, j, i)]; }

  std::vector<double>& params() { return params_; }
  const std::vector<double>& params() const { return params_; }
  // True when every parameter is finite.
  bool is_finite() const;

 private:
  std::vector<LayerSpec> layers_;
  std::vector<std::size_t> weight_offset_;  // [num_layers], entry 0 unused
  std::vector<double> params_;
};

}  // namespace bp
