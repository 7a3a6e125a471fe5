// The model file format (JSON):
//   {"format": "bplab-model", "version": 1,
//    "layers": [{"size": 2}, {"size": 2, "activation": "sigmoid"}, {"size": 1, "activation": "sigmoid"}],
//    "weights": [W1, W2],   // W_l[j][i]: from unit i of layer l−1 to unit j of layer l
//    "biases":  [b1, b2]}
// "weights" and "biases" may be omitted together (the network is then zero-initialised; callers
// usually initialise it). Errors name the JSON path, e.g. "weights[1][0][2]: expected a number".
#pragma once
#include <string>
#include <string_view>

#include "network.h"
#include "status.h"

namespace bp {

// On error *out is untouched.
Status model_from_json(std::string_view text, Network* out);
std::string model_to_json(const Network& net);

// Reads a whole file (at most kMaxFileBytes) into *out; names the file on error.
Status read_file(const std::string& path, std::string* out);

}  // namespace bp
