// Weight initialisation under a seed. The same seed always gives the same weights, natively and in
// WebAssembly. Biases start at 0.
//   uniform  w ~ U(−0.5, 0.5)
//   xavier   w ~ U(−a, a), a = √(6 / (fan_in + fan_out))     (Glorot & Bengio 2010)
//   he       w ~ N(0, 2 / fan_in)                             (He et al. 2015)
#pragma once
#include <cstdint>
#include <string_view>

#include "network.h"

namespace bp {

enum class InitId { Uniform, Xavier, He };

const char* init_name(InitId id);
// false when the name is unknown.
bool find_init(std::string_view name, InitId* out);

void initialise(Network* net, InitId scheme, std::uint64_t seed);

}  // namespace bp
