// Batch error and gradient, mean_loss and error_stats on a tiny linear net worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gradient.h"
#include "test_util.h"

namespace {

using bp::ActivationId;
using bp::LossId;

// 1 → 2 linear: y = (2x + 0.5, x). Samples (x = 1, t = (3, 1)) and (x = 2, t = (4, 3)):
// y = (2.5, 1) and (4.5, 2), residuals t − y = (0.5, 0) and (−0.5, 1).
struct Fixture {
  bp::Network net = bptest::make_net({{1, ActivationId::Linear}, {2, ActivationId::Linear}});
  bp::Dataset data;
  Fixture() {
    net.params() = {2, 1, 0.5, 0};
    data.n_inputs = 1;
    data.n_targets = 2;
    const double x1[1] = {1}, t1[2] = {3, 1}, x2[1] = {2}, t2[2] = {4, 3};
    data.add(x1, t1);
    data.add(x2, t2);
  }
};

TEST(Gradient, DatasetAdd) {
  Fixture f;
  EXPECT_EQ(f.data.size(), 2);
  EXPECT_EQ(f.data.input(1)[0], 2.0);
  EXPECT_EQ(f.data.target(1)[1], 3.0);
}

TEST(Gradient, ErrorStatsByHand) {
  Fixture f;
  bp::ErrorStats s = bp::error_stats(f.net, bp::loss(LossId::HalfSse), f.data);
  EXPECT_NEAR(s.sse, 1.5, 1e-15);              // 0.25 + 0 + 0.25 + 1
  EXPECT_NEAR(s.mse, 0.375, 1e-15);            // SSE / (N·K) = 1.5 / 4
  EXPECT_NEAR(s.rmse, std::sqrt(0.375), 1e-15);
  EXPECT_NEAR(s.mean_loss, 0.375, 1e-15);      // mean of ½·0.25 and ½·1.25
  EXPECT_NEAR(bp::mean_loss(f.net, bp::loss(LossId::HalfSse), f.data), 0.375, 1e-15);
  // mse loss: mean of 0.25/2 and 1.25/2.
  EXPECT_NEAR(bp::mean_loss(f.net, bp::loss(LossId::Mse), f.data), 0.375, 1e-15);
  bp::Dataset empty;
  empty.n_inputs = 1;
  empty.n_targets = 2;
  EXPECT_EQ(bp::mean_loss(f.net, bp::loss(LossId::HalfSse), empty), 0.0);
}

TEST(Gradient, BatchGradientIsTheMeanOverTheBatch) {
  Fixture f;
  bp::Trace tr;
  tr.resize(f.net);
  std::vector<double> g(4, 99.0);
  const int both[2] = {0, 1};
  double e = bp::batch_gradient(f.net, bp::loss(LossId::HalfSse), f.data, both, 2, &tr, g.data());
  EXPECT_NEAR(e, 0.375, 1e-15);
  // ∂E/∂y = y − t: (−0.5, 0) and (0.5, −1); ∂E/∂W = mean of ∂E/∂y · x, ∂E/∂b = mean of ∂E/∂y.
  const std::vector<double> expected = {0.25, -1.0, 0.0, -0.5};
  for (int p = 0; p < 4; ++p) EXPECT_NEAR(g[p], expected[p], 1e-15) << p;

  const int second[1] = {1};
  e = bp::batch_gradient(f.net, bp::loss(LossId::HalfSse), f.data, second, 1, &tr, g.data());
  EXPECT_NEAR(e, 0.625, 1e-15);
  const std::vector<double> expected2 = {1.0, -2.0, 0.5, -1.0};
  for (int p = 0; p < 4; ++p) EXPECT_NEAR(g[p], expected2[p], 1e-15) << p;

  const int twice[2] = {1, 1};  // a repeated sample counts twice in the mean, i.e. same mean
  e = bp::batch_gradient(f.net, bp::loss(LossId::HalfSse), f.data, twice, 2, &tr, g.data());
  EXPECT_NEAR(e, 0.625, 1e-15);
  for (int p = 0; p < 4; ++p) EXPECT_NEAR(g[p], expected2[p], 1e-15) << p;
}

TEST(Gradient, BatchLossWithoutGradient) {
  Fixture f;
  const int both[2] = {0, 1}, second[1] = {1};
  EXPECT_NEAR(bp::batch_loss(f.net, bp::loss(LossId::HalfSse), f.data, both, 2), 0.375, 1e-15);
  EXPECT_NEAR(bp::batch_loss(f.net, bp::loss(LossId::HalfSse), f.data, second, 1), 0.625, 1e-15);
  EXPECT_EQ(bp::batch_loss(f.net, bp::loss(LossId::HalfSse), f.data, both, 0), 0.0);
}

}  // namespace
