// Small helpers shared by the engine tests. Nothing here computes an expected value: expectations
// are written out by hand, or computed by independent code inside each test.
#pragma once
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "dataset.h"
#include "network.h"
#include "status.h"
#include "update_rule.h"

namespace bptest {

// Creates a network, failing the test if the engine refuses it.
inline bp::Network make_net(const std::vector<bp::LayerSpec>& layers) {
  bp::Network net;
  bp::Status s = bp::Network::create(layers, &net);
  EXPECT_TRUE(s.is_ok()) << s.message();
  return net;
}

// Hyperparameters in the order η, μ, batch size, λ₁, λ₂.
inline bp::Hyperparams hp(double lr, double mu, int batch, double l1 = 0, double l2 = 0) {
  bp::Hyperparams h;
  h.learning_rate = lr;
  h.momentum = mu;
  h.batch_size = batch;
  h.l1 = l1;
  h.l2 = l2;
  return h;
}

inline std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Case-insensitive substring test.
inline bool contains(const std::string& hay, const std::string& needle) {
  return lower(hay).find(lower(needle)) != std::string::npos;
}

// True when the decimal number n appears in msg and is not part of a longer number.
inline bool mentions_number(const std::string& msg, long n) {
  const std::string d = std::to_string(n);
  for (std::size_t pos = msg.find(d); pos != std::string::npos; pos = msg.find(d, pos + 1)) {
    bool left = pos == 0 || !std::isdigit(static_cast<unsigned char>(msg[pos - 1]));
    std::size_t end = pos + d.size();
    bool right = end == msg.size() || !std::isdigit(static_cast<unsigned char>(msg[end]));
    if (left && right) return true;
  }
  return false;
}

inline bool same_dataset(const bp::Dataset& a, const bp::Dataset& b) {
  return a.n_inputs == b.n_inputs && a.n_targets == b.n_targets && a.x == b.x && a.t == b.t;
}

inline bool same_layers(const bp::Network& a, const bp::Network& b) {
  if (a.num_layers() != b.num_layers()) return false;
  for (int l = 0; l < a.num_layers(); ++l) {
    if (a.size(l) != b.size(l)) return false;
    if (l > 0 && a.activation(l) != b.activation(l)) return false;
  }
  return true;
}

}  // namespace bptest
