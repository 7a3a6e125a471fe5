#include "init.h"

#include <cmath>

#include "rng.h"

namespace bp {

const char* init_name(InitId id) {
  switch (id) {
    case InitId::Uniform: return "uniform";
    case InitId::Xavier: return "xavier";
    case InitId::He: return "he";
  }
  return "?";
}

bool find_init(std::string_view name, InitId* out) {
  for (InitId id : {InitId::Uniform, InitId::Xavier, InitId::He}) {
    if (name == init_name(id)) {
      *out = id;
      return true;
    }
  }
  return false;
}

void initialise(Network* net, InitId scheme, std::uint64_t seed) {
  Rng rng(seed);
  for (int l = 1; l < net->num_layers(); ++l) {
    const int fan_in = net->size(l - 1);
    const int fan_out = net->size(l);
    const std::size_t count = std::size_t(fan_in) * fan_out;
    double* w = net->weights(l);
    for (std::size_t k = 0; k < count; ++k) {
      switch (scheme) {
        case InitId::Uniform: w[k] = rng.uniform(-0.5, 0.5); break;
        case InitId::Xavier: {
          const double a = std::sqrt(6.0 / (fan_in + fan_out));
          w[k] = rng.uniform(-a, a);
          break;
        }
        case InitId::He: w[k] = rng.normal() * std::sqrt(2.0 / fan_in); break;
      }
    }
    double* b = net->biases(l);
    for (int j = 0; j < fan_out; ++j) b[j] = 0.0;
  }
}

}  // namespace bp
