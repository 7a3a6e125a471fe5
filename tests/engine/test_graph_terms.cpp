// The computational graph's terms (graph_terms.h) against the trace they are read from and against
// central differences of the sample's loss: each parameter's path hands down ∂E/∂p, each gate
// applies its local rule, and a hidden unit's paths to E sum to the trace's ∂E/∂y_j.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gradcheck.h"
#include "graph_terms.h"
#include "param_names.h"
#include "pass.h"
#include "rng.h"
#include "test_util.h"

namespace {

using bp::ActivationId;
using bp::GateKind;

// A network with random parameters, one sample and its trace.
struct Sample {
  bp::Network net;
  bp::Dataset data;  // one sample
  bp::Trace tr;
};

Sample make(const std::vector<bp::LayerSpec>& layers, const bp::Loss& loss, std::uint64_t seed) {
  Sample s;
  s.net = bptest::make_net(layers);
  bp::Rng rng(seed);
  for (double& p : s.net.params()) p = rng.uniform(-1, 1);
  s.data.n_inputs = s.net.input_size();
  s.data.n_targets = s.net.output_size();
  std::vector<double> x(s.net.input_size()), t(s.net.output_size(), 0.0);
  for (double& v : x) v = rng.uniform(-1, 1);
  t[0] = 1.0;  // one-hot for ce, a 0/1 target for bce, a value for ½SSE
  s.data.add(x.data(), t.data());
  bp::forward(s.net, s.data.input(0), &s.tr);
  bp::backward(s.net, loss, s.data.target(0), &s.tr, nullptr, 1.0);
  return s;
}

// Every parameter's path: the gate nearest the parameter hands down ∂E/∂p, which equals a central
// difference; the gates read the trace; the local rules reproduce the engine's numbers.
void check_paths(Sample& s, const bp::Loss& loss) {
  const bp::Network& net = s.net;
  const bp::Trace& tr = s.tr;
  const int out = net.num_layers() - 1;
  const int sample = 0;
  for (std::size_t k = 0; k < net.num_params(); ++k) {
    SCOPED_TRACE(bp::param_name(net, k));
    const bp::Network::ParamRef p = net.param_ref(k);
    const int l = p.layer, j = p.unit;
    const bp::ParamPath path = bp::param_path(net, loss, tr, k);
    ASSERT_EQ(path.gates.size(), p.is_bias() ? 2u : 3u);
    const bp::Gate& first = path.gates.front();
    bp::Network copy = net;
    const double numeric = bp::numerical_gradient(&copy, loss, s.data, &sample, 1, k);
    EXPECT_NEAR(first.grad_out, numeric, 1e-7 * std::max(1.0, std::abs(numeric)));
    if (p.is_bias()) {
      EXPECT_EQ(first.kind, GateKind::Add);
      EXPECT_EQ(first.grad_out, tr.dE_dtheta[l][j]) << "∂E/∂b_j = δ_j";
    } else {
      EXPECT_EQ(first.kind, GateKind::Multiply);
      EXPECT_EQ(first.input, p.input);
      EXPECT_EQ(first.value, net.params()[k] * tr.y[l - 1][p.input]);
      EXPECT_EQ(first.local, tr.y[l - 1][p.input]) << "× multiplies by the other input";
      EXPECT_EQ(first.grad_out, tr.dE_dtheta[l][j] * tr.y[l - 1][p.input]);
    }
    const bp::Gate& add = path.gates[path.gates.size() - 2];
    EXPECT_EQ(add.kind, GateKind::Add);
    EXPECT_EQ(add.value, tr.theta[l][j]);
    EXPECT_EQ(add.grad, tr.dE_dtheta[l][j]);
    EXPECT_EQ(add.grad_out, add.grad) << "+ passes the gradient on";
    const bp::Gate& f = path.gates.back();
    EXPECT_EQ(f.kind, GateKind::Activation);
    EXPECT_EQ(f.value, tr.y[l][j]);
    EXPECT_EQ(f.grad, tr.dE_dy[l][j]);
    EXPECT_EQ(f.grad_out, tr.dE_dtheta[l][j]);
    if (f.has_local) {
      EXPECT_EQ(f.local * f.grad, f.grad_out) << "f multiplies by f′(θ)";
    }
    EXPECT_EQ(path.reaches_loss, l == out);
    if (path.reaches_loss) {
      EXPECT_EQ(path.loss.value, tr.loss);
      EXPECT_EQ(path.loss.grad, 1.0);
      EXPECT_EQ(path.loss.grad_out, tr.dE_dy[out][j]);
    } else {
      const bp::FanOut& up = path.above;
      EXPECT_EQ(up.dE_dy, tr.dE_dy[l][j]) << "the paths sum to the trace's ∂E/∂y_j";
      ASSERT_EQ(int(up.terms.size()), net.size(l + 1));
      for (const bp::FanOutTerm& t : up.terms) {
        EXPECT_EQ(t.product, net.weight(l + 1, t.unit, j) * tr.y[l][j]);
        EXPECT_EQ(t.contribution, net.weight(l + 1, t.unit, j) * tr.dE_dtheta[l + 1][t.unit]);
        // Expanding the path through unit k: its × gate towards y_j passes w_kj·δ_k.
        const std::vector<bp::Gate> through = bp::unit_gates(net, loss, tr, l + 1, t.unit, j, false);
        EXPECT_EQ(through.front().value, t.product);
        EXPECT_EQ(through.front().grad_out, t.contribution);
      }
    }
  }
}

TEST(GraphTerms, PathsOfAHalfSseNetworkMatchTheTraceAndFiniteDifferences) {
  const bp::Loss& loss = bp::loss(bp::LossId::HalfSse);
  Sample s = make({{2, ActivationId::Linear}, {3, ActivationId::Tanh}, {2, ActivationId::Sigmoid},
                  {2, ActivationId::Sigmoid}},
                 loss, 11);
  check_paths(s, loss);
  // Elementwise output with ½SSE: f carries f′(θ) = y(1 − y) and E carries ∂E/∂y = y − t.
  const bp::Gate f = bp::unit_gates(s.net, loss, s.tr, 3, 0, 0, true).back();
  ASSERT_TRUE(f.has_local);
  EXPECT_NEAR(f.local, s.tr.y[3][0] * (1 - s.tr.y[3][0]), 1e-15);
  EXPECT_NEAR(bp::loss_gate(s.net, s.tr, 0).local, s.tr.y[3][0] - 1.0, 1e-15);
}

// A loss that states δ itself (ce through softmax, bce through sigmoid): the output f has no
// single factor, and δ still reaches every parameter right.
TEST(GraphTerms, FusedLossesHandDownTheStatedDelta) {
  const bp::Loss& ce = bp::loss(bp::LossId::Ce);
  Sample s = make({{2, ActivationId::Linear}, {3, ActivationId::Relu}, {3, ActivationId::Softmax}}, ce, 5);
  check_paths(s, ce);
  EXPECT_FALSE(bp::unit_gates(s.net, ce, s.tr, 2, 1, -1, true).back().has_local);
  EXPECT_TRUE(bp::unit_gates(s.net, ce, s.tr, 1, 1, -1, true).back().has_local);
  const bp::Loss& bce = bp::loss(bp::LossId::Bce);
  Sample b = make({{2, ActivationId::Linear}, {2, ActivationId::Sigmoid}, {1, ActivationId::Sigmoid}}, bce, 7);
  check_paths(b, bce);
  const bp::Gate f = bp::unit_gates(b.net, bce, b.tr, 2, 0, -1, true).back();
  EXPECT_FALSE(f.has_local);
  EXPECT_NEAR(f.grad_out, b.tr.y[2][0] - 1.0, 1e-15) << "bce through sigmoid: δ = y − t";
}

}  // namespace
