// The analytic batch gradient against a central-difference loop written here, for every
// activation/loss combination; then the engine's own gradient checker against the same loop, and
// that it catches a wrong derivative.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "gradcheck.h"
#include "gradient.h"
#include "rng.h"
#include "test_util.h"

namespace {

using bp::ActivationId;
using bp::LossId;
using bp::Network;

struct Case {
  std::vector<bp::LayerSpec> layers;
  LossId loss;
};

std::string describe(const Case& c) {
  std::string s;
  for (std::size_t l = 0; l < c.layers.size(); ++l) {
    s += std::to_string(c.layers[l].size);
    if (l > 0) s += std::string(bp::activation(c.layers[l].activation).name);
    s += " ";
  }
  return s + bp::loss(c.loss).name;
}

std::vector<Case> all_cases() {
  const ActivationId hidden[] = {ActivationId::Sigmoid, ActivationId::Tanh, ActivationId::Relu,
                                 ActivationId::Linear};
  const std::pair<ActivationId, LossId> heads[] = {
      {ActivationId::Softmax, LossId::Ce},     {ActivationId::Sigmoid, LossId::Bce},
      {ActivationId::Linear, LossId::HalfSse}, {ActivationId::Linear, LossId::Mse},
      {ActivationId::Sigmoid, LossId::HalfSse}, {ActivationId::Tanh, LossId::Mse},
      {ActivationId::Relu, LossId::HalfSse}};
  std::vector<Case> cases;
  for (ActivationId h : hidden)
    for (auto [out, loss] : heads) cases.push_back({{{3, ActivationId::Linear}, {4, h}, {3, out}}, loss});
  // Deeper nets, mixing hidden activations.
  cases.push_back({{{3, ActivationId::Linear}, {5, ActivationId::Tanh}, {4, ActivationId::Relu},
                    {3, ActivationId::Softmax}}, LossId::Ce});
  cases.push_back({{{2, ActivationId::Linear}, {4, ActivationId::Sigmoid}, {3, ActivationId::Linear},
                    {4, ActivationId::Tanh}, {2, ActivationId::Sigmoid}}, LossId::Bce});
  cases.push_back({{{4, ActivationId::Linear}, {3, ActivationId::Relu}, {3, ActivationId::Tanh},
                    {1, ActivationId::Linear}}, LossId::HalfSse});
  return cases;
}

// Random parameters in (−1, 1), 6 random samples with targets suited to the loss.
void randomise(const Case& c, std::uint64_t seed, Network* net, bp::Dataset* data) {
  bp::Rng rng(seed);
  for (double& p : net->params()) p = rng.uniform(-1, 1);
  const int nin = c.layers.front().size, nout = c.layers.back().size;
  data->n_inputs = nin;
  data->n_targets = nout;
  for (int s = 0; s < 6; ++s) {
    std::vector<double> x(nin), t(nout, 0.0);
    for (double& v : x) v = rng.uniform(-1, 1);
    if (c.loss == LossId::Ce) {
      if (s % 2 == 0) {
        t[rng.below(nout)] = 1.0;  // one-hot
      } else {
        double sum = 0;  // soft targets summing to 1
        for (double& v : t) sum += v = rng.uniform(0.1, 1.0);
        for (double& v : t) v /= sum;
      }
    } else if (c.loss == LossId::Bce) {
      for (double& v : t) v = s % 2 == 0 ? double(rng.below(2)) : rng.uniform();
    } else {
      for (double& v : t) v = rng.uniform(-1, 1);
    }
    data->add(x.data(), t.data());
  }
}

// Central differences of the mean loss over the whole set, written independently of gradcheck.h.
std::vector<double> my_numerical_gradient(Network* net, const bp::Loss& loss, const bp::Dataset& data,
                                          double h) {
  std::vector<double> g(net->num_params());
  for (std::size_t p = 0; p < g.size(); ++p) {
    const double saved = net->params()[p];
    net->params()[p] = saved + h;
    const double up = bp::mean_loss(*net, loss, data);
    net->params()[p] = saved - h;
    const double down = bp::mean_loss(*net, loss, data);
    net->params()[p] = saved;
    g[p] = (up - down) / ((saved + h) - (saved - h));
  }
  return g;
}

double rel_error(double a, double n) {
  // Relative error, with a floor so that gradients near 0 are compared absolutely (~1e-9).
  return std::fabs(a - n) / std::max(std::fabs(a) + std::fabs(n), 1e-3);
}

TEST(GradCheck, BatchGradientMatchesOwnCentralDifferences) {
  int checked = 0;
  for (const Case& c : all_cases()) {
    SCOPED_TRACE(describe(c));
    for (std::uint64_t seed : {1u, 2u}) {
      Network net = bptest::make_net(c.layers);
      bp::Dataset data;
      randomise(c, seed * 1000 + checked, &net, &data);
      const bp::Loss& loss = bp::loss(c.loss);
      std::vector<int> idx(data.size());
      for (int s = 0; s < data.size(); ++s) idx[s] = s;
      bp::Trace tr;
      tr.resize(net);
      std::vector<double> g(net.num_params());
      double e = bp::batch_gradient(net, loss, data, idx.data(), data.size(), &tr, g.data());
      EXPECT_NEAR(e, bp::mean_loss(net, loss, data), 1e-14 * std::max(1.0, std::fabs(e)));
      std::vector<double> n = my_numerical_gradient(&net, loss, data, 1e-5);
      double worst = 0;
      std::size_t worst_p = 0;
      for (std::size_t p = 0; p < g.size(); ++p)
        if (rel_error(g[p], n[p]) > worst) worst = rel_error(g[p], n[p]), worst_p = p;
      EXPECT_LT(worst, 1e-6) << "param " << worst_p << ": analytic " << g[worst_p]
                             << ", numerical " << n[worst_p];
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2 * 31);
}

TEST(GradCheck, EngineCheckerAgreesWithOwnLoop) {
  for (const Case& c : all_cases()) {
    // Smooth activations only: the engine's ε = 1e-6 makes relu kinks irrelevant, but the checker's
    // tiny relative-error floor makes dead relu units noisy.
    bool smooth = true;
    for (const auto& l : c.layers) smooth = smooth && l.activation != ActivationId::Relu;
    if (!smooth) continue;
    SCOPED_TRACE(describe(c));
    Network net = bptest::make_net(c.layers);
    bp::Dataset data;
    randomise(c, 77, &net, &data);
    const bp::Loss& loss = bp::loss(c.loss);
    const std::vector<double> before = net.params();
    const int idx[3] = {0, 2, 5};  // a subset of the samples
    bp::Dataset subset;
    subset.n_inputs = data.n_inputs;
    subset.n_targets = data.n_targets;
    for (int s : idx) subset.add(data.input(s), data.target(s));
    std::vector<double> mine = my_numerical_gradient(&net, loss, subset, 1e-5);

    std::vector<double> engine_num(net.num_params());
    for (std::size_t p = 0; p < net.num_params(); ++p) {
      engine_num[p] = bp::numerical_gradient(&net, loss, data, idx, 3, p);
      EXPECT_NEAR(engine_num[p], mine[p], 1e-8) << "param " << p;
    }
    EXPECT_EQ(net.params(), before);  // perturbed and restored exactly

    bp::Trace tr;
    tr.resize(net);
    std::vector<double> g(net.num_params());
    bp::batch_gradient(net, loss, data, idx, 3, &tr, g.data());
    double max_abs = 0;
    for (std::size_t p = 0; p < g.size(); ++p) max_abs = std::max(max_abs, std::fabs(g[p] - engine_num[p]));

    bp::GradCheck gc = bp::check_gradient(&net, loss, data, idx, 3);
    EXPECT_EQ(net.params(), before);
    EXPECT_LT(gc.max_abs_error, 1e-8);
    EXPECT_LT(gc.max_rel_error, 1e-5);
    EXPECT_LT(gc.worst_param, net.num_params());
    EXPECT_NEAR(gc.max_abs_error, max_abs, 1e-15);
  }
}

// A test-only activation: the sigmoid with its derivative written wrong, y instead of y (1 − y)
// (the factor 1 − y forgotten). It never enters the engine's table.
double broken_sigmoid_d(double, double y) { return y; }
void broken_sigmoid_d_layer(const double* theta, const double* y, const double* dE_dy,
                            double* dE_dtheta, int n) {
  for (int j = 0; j < n; ++j) dE_dtheta[j] = broken_sigmoid_d(theta[j], y[j]) * dE_dy[j];
}
const bp::Activation& table_sigmoid() { return bp::activation(ActivationId::Sigmoid); }
const bp::Activation& broken_sigmoid() {
  static const bp::Activation a = {ActivationId::Sigmoid,   "sigmoid",
                                   "y = 1 / (1 + e^−θ)",    "dy/dθ = y  (wrong)",
                                   table_sigmoid().f,       broken_sigmoid_d,
                                   table_sigmoid().f_layer, broken_sigmoid_d_layer,
                                   false};
  return a;
}

// The seam: backward() takes the output layer's ∂E/∂θ from the loss's df_theta when there is one,
// so a loss "half-sse through the activation A", ∂E/∂θ = A.df_layer(θ, y, ∂E/∂y = y − t), puts A's
// derivative into the engine's backward pass (and from there into every layer's gradient) while
// the forward pass and the error, which the central differences see, stay the table's sigmoid.
template <const bp::Activation& (*A)()>
void half_sse_through(const double* theta, const double* y, const double* t, int k,
                      double* dE_dtheta) {
  std::vector<double> dE_dy(k);
  bp::loss(LossId::HalfSse).df(theta, y, t, k, dE_dy.data());
  A().df_layer(theta, y, dE_dy.data(), dE_dtheta, k);
}

bp::Loss half_sse_through_loss(void (*df_theta)(const double*, const double*, const double*, int,
                                                double*)) {
  bp::Loss l = bp::loss(LossId::HalfSse);
  l.df_theta = df_theta;
  return l;
}

TEST(GradCheck, CatchesAWrongActivationDerivative) {
  const Case c{{{3, ActivationId::Linear}, {4, ActivationId::Tanh}, {2, ActivationId::Sigmoid}},
               LossId::HalfSse};
  Network net = bptest::make_net(c.layers);
  bp::Dataset data;
  randomise(c, 5, &net, &data);
  const int idx[6] = {0, 1, 2, 3, 4, 5};

  // The right derivative passes (and the seam changes nothing: the same gradient as the table's).
  const bp::Loss right = half_sse_through_loss(half_sse_through<table_sigmoid>);
  const bp::GradCheck ok = bp::check_gradient(&net, right, data, idx, 6);
  EXPECT_LT(ok.max_rel_error, 1e-6);
  std::vector<double> g_table(net.num_params()), g_seam(net.num_params());
  bp::Trace tr;
  bp::batch_gradient(net, bp::loss(LossId::HalfSse), data, idx, 6, &tr, g_table.data());
  bp::batch_gradient(net, right, data, idx, 6, &tr, g_seam.data());
  for (std::size_t p = 0; p < g_table.size(); ++p)
    EXPECT_NEAR(g_seam[p], g_table[p], 1e-15 + 1e-12 * std::fabs(g_table[p])) << "param " << p;

  // The broken one fails: its gradient is off by the factor 1 − y ∈ (0, 1), far beyond ε's O(ε²).
  const bp::Loss wrong = half_sse_through_loss(half_sse_through<broken_sigmoid>);
  const bp::GradCheck bad = bp::check_gradient(&net, wrong, data, idx, 6);
  EXPECT_GT(bad.max_rel_error, 0.05);
  EXPECT_GT(bad.max_abs_error, 1e-3);
  EXPECT_LT(bad.worst_param, net.num_params());
}

}  // namespace
