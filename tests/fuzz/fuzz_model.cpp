// Fuzzes the model file reader, bp::model_from_json.
// Invariants beyond "no crash":
//   - on error the message is a bounded line and the output network is untouched;
//   - on success the network is valid (layer count and sizes within input_limits.h, softmax only on
//     the output layer, parameter count matching the layers, every parameter finite) and
//     model_to_json → model_from_json gives back the same layers and bit-identical parameters.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "input_limits.h"
#include "model_io.h"

namespace {

// A network no file describes (3 inputs, odd parameter values), to detect partial writes.
const bp::Network& sentinel() {
  static const bp::Network net = [] {
    bp::Network n;
    if (!bp::Network::create({{3, bp::ActivationId::Linear}, {2, bp::ActivationId::Relu}}, &n))
      std::abort();
    for (std::size_t k = 0; k < n.num_params(); ++k) n.params()[k] = 0.25 + double(k);
    return n;
  }();
  return net;
}

bool same_network(const bp::Network& a, const bp::Network& b) {
  if (a.num_layers() != b.num_layers() || a.num_params() != b.num_params()) return false;
  for (int l = 0; l < a.num_layers(); ++l) {
    if (a.size(l) != b.size(l)) return false;
    if (l > 0 && a.activation(l) != b.activation(l)) return false;
  }
  return fuzz::same_bits(a.params().data(), b.params().data(), a.num_params());
}

void check_valid(const bp::Network& net) {
  const int L = net.num_layers();
  FUZZ_CHECK(L >= 2 && L <= bp::kMaxLayers, "%d layers", L);
  std::size_t params = 0;
  for (int l = 0; l < L; ++l) {
    FUZZ_CHECK(net.size(l) >= 1 && net.size(l) <= bp::kMaxUnits, "layer %d has %d units", l,
               net.size(l));
    if (l == 0) continue;
    params += std::size_t(net.size(l)) * (net.size(l - 1) + 1);
    FUZZ_CHECK(l == L - 1 || !bp::activation(net.activation(l)).output_only,
               "output-only activation on hidden layer %d", l);
  }
  FUZZ_CHECK(net.num_params() == params, "%zu params for layers needing %zu", net.num_params(),
             params);
  FUZZ_CHECK(net.is_finite(), "non-finite parameter accepted");
  for (double p : net.params()) FUZZ_CHECK(std::isfinite(p), "non-finite parameter %g", p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  bp::Network net = sentinel();
  const bp::Status s = bp::model_from_json(text, &net);
  if (!s) {
    FUZZ_CHECK(!s.message().empty() && s.message().size() <= fuzz::kMaxMessageBytes,
               "message of %zu bytes", s.message().size());
    FUZZ_CHECK(same_network(net, sentinel()), "output changed on error: %s", s.message().c_str());
    return 0;
  }
  check_valid(net);
  bp::Network again = sentinel();
  const bp::Status back = bp::model_from_json(bp::model_to_json(net), &again);
  FUZZ_CHECK(back.is_ok(), "written model does not read back: %s", back.message().c_str());
  FUZZ_CHECK(same_network(net, again), "round trip changed the network");
  return 0;
}
