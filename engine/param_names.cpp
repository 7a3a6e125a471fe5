#include "param_names.h"

#include <cassert>

namespace bp {
namespace {

// Biases of layers 1 … l−1: the entries of params() before layer l that are not weights.
std::size_t biases_before(const Network& net, int l) {
  std::size_t n = 0;
  for (int m = 1; m < l; ++m) n += std::size_t(net.size(m));
  return n;
}

// A positive decimal number as names write it: digits, no sign, no leading zero, at most 9 digits
// (so it fits an int). Consumes it from the front of *s; 0 when there is none.
int take_number(std::string_view* s) {
  std::size_t n = 0;
  while (n < s->size() && n < 10 && (*s)[n] >= '0' && (*s)[n] <= '9') ++n;
  if (n == 0 || n > 9 || (*s)[0] == '0') return 0;
  int v = 0;
  for (std::size_t c = 0; c < n; ++c) v = v * 10 + ((*s)[c] - '0');
  s->remove_prefix(n);
  return v;
}

// "first" or "first … last".
std::string range(const std::string& first, const std::string& last) {
  return first == last ? first : first + " … " + last;
}

// Names what there is, layer by layer for the biases: "… the network has w1 … w12 and biases
// b1.1 … b1.3, b2.1".
Status no_such(const Network& net, std::string_view name) {
  std::string biases;
  for (int l = 1; l < net.num_layers(); ++l)
    biases += (l > 1 ? ", " : "") + range(bias_name(l, 0), bias_name(l, net.size(l) - 1));
  return Status::error("no parameter '" + std::string(name) + "': the network has " +
                       range("w1", "w" + std::to_string(net.num_weights())) + " and biases " +
                       biases);
}

}  // namespace

std::string weight_name(const Network& net, int l, int j, int i) {
  return "w" + std::to_string(net.param_index(l, j, i) - biases_before(net, l) + 1);
}

std::string bias_name(int l, int j) {
  assert(l >= 1 && j >= 0);
  return "b" + std::to_string(l) + "." + std::to_string(j + 1);
}

std::string param_name(const Network& net, std::size_t k) {
  const Network::ParamRef r = net.param_ref(k);
  return r.is_bias() ? bias_name(r.layer, r.unit) : weight_name(net, r.layer, r.unit, r.input);
}

Status find_param(const Network& net, std::string_view name, std::size_t* k) {
  std::string_view rest = name;
  if (!rest.empty() && rest[0] == 'w') {
    rest.remove_prefix(1);
    const int n = take_number(&rest);
    if (n == 0 || !rest.empty() || std::size_t(n) > net.num_weights()) return no_such(net, name);
    // Weight n (from 1) of the numbering: find its layer, then its place in the layer's block.
    std::size_t left = std::size_t(n) - 1;
    for (int l = 1;; ++l) {
      const std::size_t fan_in = std::size_t(net.size(l - 1)), in_layer = net.size(l) * fan_in;
      if (left < in_layer) {
        *k = net.param_index(l, int(left / fan_in), int(left % fan_in));
        return Status::ok();
      }
      left -= in_layer;
    }
  }
  if (!rest.empty() && rest[0] == 'b') {
    rest.remove_prefix(1);
    const int l = take_number(&rest);
    if (l == 0 || rest.empty() || rest[0] != '.') return no_such(net, name);
    rest.remove_prefix(1);
    const int unit = take_number(&rest);
    if (unit == 0 || !rest.empty() || l >= net.num_layers() || unit > net.size(l))
      return no_such(net, name);
    *k = net.bias_index(l, unit - 1);
    return Status::ok();
  }
  return no_such(net, name);
}

}  // namespace bp
