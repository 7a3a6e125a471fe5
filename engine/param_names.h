// Parameter names: one naming of the network's parameters for the command line, the lab, the
// lesson files and every view.
//
// Weights are "w1", "w2", … numbered from 1 across layers in the order of params() (network.h),
// skipping the biases: layer 1's weights first, row by row (w_ji for j = 0, 1, …, and within a row
// i = 0, 1, …), then layer 2's. This is the numbering of Mazur's worked example ("A Step by Step
// Backpropagation Example"): in his 2-2-2 network w1, w2 feed h1, w3, w4 feed h2, w5, w6 feed o1
// and w7, w8 feed o2, and lesson 5 uses exactly these names.
//
// Biases are "b<layer>.<unit>": "b1.2" is b_j of unit j = 2 of layer 1 (both counted from 1, like
// the weights). Not "b1", "b2", …: Mazur gives each layer one shared bias and calls those b₁ (the
// hidden layer's) and b₂ (the output layer's), and lesson 5 speaks of them, so a per-unit "b2"
// would name something else than the text beside it. With the layer in front, b1.1 and b1.2 read as
// "layer 1's biases", which is what Mazur's b₁ is when every unit has its own.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "network.h"
#include "status.h"

namespace bp {

// "w<n>" for w_ji of layer l ≥ 1 (from unit i of layer l−1 to unit j of layer l, from 0).
std::string weight_name(const Network& net, int l, int j, int i);
// "b<l>.<j+1>" for b_j of layer l ≥ 1.
std::string bias_name(int l, int j);
// The name of params()[k], k < num_params().
std::string param_name(const Network& net, std::size_t k);

// The index into params() of a name written as above (exactly: "w05", "W5", " w5" and "b1" are
// not names). On error *k is untouched and the message names the bad name and what the network
// has, e.g. "no parameter 'w99': the network has w1 … w9 and biases b1.1 … b2.1".
Status find_param(const Network& net, std::string_view name, std::size_t* k);

}  // namespace bp
