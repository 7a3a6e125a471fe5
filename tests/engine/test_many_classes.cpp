// Several classes: softmax + cross-entropy on the 3- and 4-class data sets, whose gradient must
// match central differences of the loss and whose output error must be δ = y − t; and the
// classification metrics (class of a row, confusion matrix, accuracy) on hand-made cases.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "generators.h"
#include "gradcheck.h"
#include "gradient.h"
#include "metrics.h"
#include "pass.h"
#include "rng.h"
#include "test_util.h"

namespace {

using bp::ActivationId;
using bp::DatasetKind;

// A 2-h-K network with softmax output and parameters drawn uniformly from (−1.5, 1.5).
bp::Network softmax_net(int hidden, int classes, ActivationId act, std::uint64_t seed) {
  bp::Network net = bptest::make_net(
      {{2, ActivationId::Linear}, {hidden, act}, {classes, ActivationId::Softmax}});
  bp::Rng rng(seed);
  for (double& p : net.params()) p = rng.uniform(-1.5, 1.5);
  return net;
}

const DatasetKind kManyClassSets[] = {DatasetKind::Blobs3, DatasetKind::Spiral3, DatasetKind::Blobs4};

TEST(ManyClasses, SoftmaxCrossEntropyGradientMatchesCentralDifferences) {
  const bp::Loss& ce = bp::loss(bp::LossId::Ce);
  for (DatasetKind kind : kManyClassSets) {
    const bp::DatasetInfo& info = bp::dataset_kinds()[static_cast<int>(kind)];
    for (ActivationId act : {ActivationId::Tanh, ActivationId::Sigmoid}) {
      SCOPED_TRACE(std::string(info.name) + " " + bp::activation(act).name);
      const bp::Dataset data = bp::generate_dataset(kind, 24, 0.2, 3);
      bp::Network net = softmax_net(5, info.classes, act, 7);
      ASSERT_EQ(net.output_size(), data.n_targets);
      std::vector<int> all(data.size());
      for (int s = 0; s < data.size(); ++s) all[s] = s;
      const bp::GradCheck c = bp::check_gradient(&net, ce, data, all.data(), data.size());
      // Central differences are exact to O(ε²) ≈ 1e-12 plus rounding ≈ 1e-16/ε = 1e-10 (the
      // relative error of a near-zero component is larger: the bound of test_gradcheck.cpp).
      EXPECT_LT(c.max_abs_error, 1e-8) << "worst parameter " << c.worst_param;
      EXPECT_LT(c.max_rel_error, 1e-5) << "worst parameter " << c.worst_param;
      // And one weight by hand, through the engine's own central difference.
      std::vector<double> grad(net.num_params());
      bp::Trace trace;
      trace.resize(net);
      bp::batch_gradient(net, ce, data, all.data(), data.size(), &trace, grad.data());
      const std::size_t p = net.param_index(2, info.classes - 1, 3);
      const double eps = 1e-5, keep = net.params()[p];
      net.params()[p] = keep + eps;
      const double up = bp::mean_loss(net, ce, data);
      net.params()[p] = keep - eps;
      const double down = bp::mean_loss(net, ce, data);
      net.params()[p] = keep;
      EXPECT_NEAR(grad[p], (up - down) / (2 * eps), 1e-8);
    }
  }
}

TEST(ManyClasses, OutputErrorIsYMinusT) {
  const bp::Loss& ce = bp::loss(bp::LossId::Ce);
  for (DatasetKind kind : kManyClassSets) {
    const bp::DatasetInfo& info = bp::dataset_kinds()[static_cast<int>(kind)];
    SCOPED_TRACE(info.name);
    const int K = info.classes;
    const bp::Dataset data = bp::generate_dataset(kind, 12, 0.1, 5);
    const bp::Network net = softmax_net(4, K, ActivationId::Tanh, 11);
    bp::Trace trace;
    trace.resize(net);
    for (int s = 0; s < data.size(); ++s) {
      bp::forward(net, data.input(s), &trace);
      bp::backward(net, ce, data.target(s), &trace, nullptr, 1.0);
      // y = softmax(θ), written out here: y_k = e^{θ_k} / Σ_j e^{θ_j}.
      const std::vector<double>& th = trace.theta.back();
      double z = 0;
      for (int k = 0; k < K; ++k) z += std::exp(th[k]);
      const double* t = data.target(s);
      for (int k = 0; k < K; ++k) {
        const double y = std::exp(th[k]) / z;
        EXPECT_NEAR(trace.y.back()[k], y, 1e-15);
        EXPECT_NEAR(trace.dE_dtheta.back()[k], y - t[k], 1e-15) << "sample " << s << " unit " << k;
      }
      // E = −ln y_c for the sample's class c (one-hot target, class s mod K).
      EXPECT_NEAR(trace.loss, -std::log(std::exp(th[s % K]) / z), 1e-12);
    }
  }
}

TEST(Metrics, ClassOfARow) {
  const double one_low[] = {0.49}, one_half[] = {0.5}, one_high[] = {0.9};
  EXPECT_EQ(bp::class_of(one_low, 1), 0);
  EXPECT_EQ(bp::class_of(one_half, 1), 1);
  EXPECT_EQ(bp::class_of(one_high, 1), 1);
  const double three[] = {0.2, 0.5, 0.3}, four[] = {0.1, 0.1, 0.1, 0.7};
  EXPECT_EQ(bp::class_of(three, 3), 1);
  EXPECT_EQ(bp::class_of(four, 4), 3);
  const double tie[] = {0.4, 0.4, 0.2};  // the first of equal maxima
  EXPECT_EQ(bp::class_of(tie, 3), 0);
  const double one_hot[] = {0, 0, 1};
  EXPECT_EQ(bp::class_of(one_hot, 3), 2);
  EXPECT_EQ(bp::class_count(1), 2);
  EXPECT_EQ(bp::class_count(4), 4);
}

TEST(Metrics, ConfusionCountsTruthAgainstPrediction) {
  bp::Confusion m(3);
  const double t0[] = {1, 0, 0}, t1[] = {0, 1, 0}, t2[] = {0, 0, 1};
  const double p0[] = {0.8, 0.1, 0.1}, p1[] = {0.2, 0.7, 0.1}, p2[] = {0.1, 0.3, 0.6};
  m.add(p0, t0, 3);
  m.add(p0, t0, 3);
  m.add(p1, t0, 3);  // class 0 taken for 1
  m.add(p1, t1, 3);
  m.add(p2, t2, 3);
  m.add(p0, t2, 3);  // class 2 taken for 0
  const int want[3][3] = {{2, 1, 0}, {0, 1, 0}, {1, 0, 1}};
  for (int c = 0; c < 3; ++c)
    for (int p = 0; p < 3; ++p) EXPECT_EQ(m.at(c, p), want[c][p]) << c << "," << p;
  EXPECT_EQ(m.total(), 6);
  EXPECT_EQ(m.correct(), 4);
  EXPECT_DOUBLE_EQ(m.accuracy(), 4.0 / 6.0);
  EXPECT_EQ(bp::Confusion(2).accuracy(), 0.0);  // no samples
}

// A linear 2-3 network whose outputs are (x₁, x₂, 0): the predicted class is the largest of
// x₁, x₂ and 0, and a one-output network y = x₁ predicts class 1 where x₁ ≥ 0.5.
TEST(Metrics, ConfusionMatrixOfANetworkAndOfErrorStatsAgree) {
  bp::Network net = bptest::make_net({{2, ActivationId::Linear}, {3, ActivationId::Linear}});
  for (double& p : net.params()) p = 0;
  net.weight(1, 0, 0) = 1;
  net.weight(1, 1, 1) = 1;
  bp::Dataset d{2, 3, {}, {}};
  const double x[][2] = {{1, 0}, {0, 1}, {-1, -1}, {0.5, 2}, {2, 0.5}, {-1, -2}};
  const int truth[] = {0, 1, 2, 0, 0, 1};  // predictions: 0, 1, 2, 1, 0, 2
  for (int s = 0; s < 6; ++s) {
    double t[3] = {0, 0, 0};
    t[truth[s]] = 1;
    d.add(x[s], t);
  }
  const bp::Confusion m = bp::confusion_matrix(net, d);
  ASSERT_EQ(m.classes, 3);
  const int want[3][3] = {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}};
  for (int c = 0; c < 3; ++c)
    for (int p = 0; p < 3; ++p) EXPECT_EQ(m.at(c, p), want[c][p]) << c << "," << p;
  EXPECT_DOUBLE_EQ(m.accuracy(), 4.0 / 6.0);
  bp::Confusion from_stats;
  bp::error_stats(net, bp::loss(bp::LossId::HalfSse), d, &from_stats);
  EXPECT_EQ(from_stats.counts, m.counts);

  bp::Network one = bptest::make_net({{2, ActivationId::Linear}, {1, ActivationId::Linear}});
  for (double& p : one.params()) p = 0;
  one.weight(1, 0, 0) = 1;
  bp::Dataset b{2, 1, {}, {}};
  const double bx[][2] = {{0.7, 0}, {0.2, 0}, {0.5, 0}, {0.1, 0}};
  const double bt[] = {1, 1, 0, 0};  // predictions: 1, 0, 1, 0
  for (int s = 0; s < 4; ++s) b.add(bx[s], &bt[s]);
  const bp::Confusion mb = bp::confusion_matrix(one, b);
  ASSERT_EQ(mb.classes, 2);
  EXPECT_EQ(mb.at(0, 0), 1);
  EXPECT_EQ(mb.at(0, 1), 1);
  EXPECT_EQ(mb.at(1, 0), 1);
  EXPECT_EQ(mb.at(1, 1), 1);
  EXPECT_DOUBLE_EQ(mb.accuracy(), 0.5);
}

}  // namespace
