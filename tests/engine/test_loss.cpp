// The loss table: hand-computed values, and every stated derivative against central differences.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "loss.h"

namespace {

using bp::Loss;
using bp::LossId;

std::vector<double> ref_sigmoid(const std::vector<double>& th) {
  std::vector<double> y;
  for (double v : th) y.push_back(1 / (1 + std::exp(-v)));
  return y;
}

std::vector<double> ref_softmax(const std::vector<double>& th) {
  double m = th[0];
  for (double v : th) m = std::max(m, v);
  std::vector<double> y;
  double s = 0;
  for (double v : th) s += std::exp(v - m);
  for (double v : th) y.push_back(std::exp(v - m) / s);
  return y;
}

double eval(const Loss& L, const std::vector<double>& th, const std::vector<double>& y,
            const std::vector<double>& t) {
  return L.f(th.data(), y.data(), t.data(), static_cast<int>(t.size()));
}

TEST(Loss, TableNamesAndBindings) {
  const std::vector<Loss>& table = bp::losses();
  ASSERT_EQ(table.size(), 4u);
  const char* names[] = {"half-sse", "mse", "bce", "ce"};
  const LossId ids[] = {LossId::HalfSse, LossId::Mse, LossId::Bce, LossId::Ce};
  for (int k = 0; k < 4; ++k) {
    SCOPED_TRACE(names[k]);
    EXPECT_EQ(table[k].id, ids[k]);
    EXPECT_EQ(std::string(table[k].name), names[k]);
    EXPECT_EQ(&bp::loss(ids[k]), &table[k]);
    EXPECT_EQ(bp::find_loss(names[k]), &table[k]);
    EXPECT_NE(table[k].f, nullptr);
    EXPECT_NE(table[k].df, nullptr);
    // The inspector prints the fused δ's formula exactly where the loss states δ directly.
    EXPECT_EQ(table[k].df_theta == nullptr, table[k].df_theta_formula == nullptr);
  }
  EXPECT_EQ(table[0].df_theta, nullptr);
  EXPECT_EQ(table[1].df_theta, nullptr);
  EXPECT_NE(table[2].df_theta, nullptr);
  EXPECT_NE(table[3].df_theta, nullptr);
  EXPECT_FALSE(table[0].required_output.has_value());
  EXPECT_FALSE(table[1].required_output.has_value());
  EXPECT_EQ(table[2].required_output, bp::ActivationId::Sigmoid);
  EXPECT_EQ(table[3].required_output, bp::ActivationId::Softmax);
  EXPECT_EQ(bp::find_loss("sse"), nullptr);
  EXPECT_EQ(bp::find_loss(""), nullptr);
}

TEST(Loss, HandValues) {
  // Residuals of y = (0.2, 0.7, 0.5) against t = (0, 1, 1): squares 0.04, 0.09, 0.25, sum 0.38.
  const std::vector<double> y = {0.2, 0.7, 0.5}, t = {0.0, 1.0, 1.0}, unused = {9, 9, 9};
  EXPECT_NEAR(eval(bp::loss(LossId::HalfSse), unused, y, t), 0.19, 1e-15);
  EXPECT_NEAR(eval(bp::loss(LossId::Mse), unused, y, t), 0.38 / 3, 1e-15);

  // bce: θ = (0, ln 3, −ln 3) gives y = (1/2, 3/4, 1/4); t = (1, 1, 0).
  // E = −(1/3)(ln ½ + ln ¾ + ln ¾).
  const std::vector<double> thb = {0.0, std::log(3.0), -std::log(3.0)};
  const std::vector<double> yb = {0.5, 0.75, 0.25}, tb = {1.0, 1.0, 0.0};
  EXPECT_NEAR(eval(bp::loss(LossId::Bce), thb, yb, tb), -(std::log(0.5) + 2 * std::log(0.75)) / 3,
              1e-14);
  // A fractional target t = 0.3 on y = ¾: −[0.3 ln ¾ + 0.7 ln ¼].
  EXPECT_NEAR(eval(bp::loss(LossId::Bce), {std::log(3.0)}, {0.75}, {0.3}),
              -(0.3 * std::log(0.75) + 0.7 * std::log(0.25)), 1e-14);

  // ce: θ = (0, ln 2, ln 5) gives y = (1/8, 2/8, 5/8).
  const std::vector<double> thc = {0.0, std::log(2.0), std::log(5.0)};
  const std::vector<double> yc = {0.125, 0.25, 0.625};
  EXPECT_NEAR(eval(bp::loss(LossId::Ce), thc, yc, {0, 0, 1}), std::log(1.6), 1e-14);
  EXPECT_NEAR(eval(bp::loss(LossId::Ce), thc, yc, {0.2, 0.3, 0.5}),
              -(0.2 * std::log(0.125) + 0.3 * std::log(0.25) + 0.5 * std::log(0.625)), 1e-14);
}

// ∂E/∂y of half-sse and mse against a central difference of the engine's own f over y.
TEST(Loss, SquaredErrorDerivativesMatchCentralDifference) {
  const std::vector<double> t = {0.1, -0.5, 0.9}, th = {0, 0, 0};
  const std::vector<double> y = {0.4, 0.3, -0.2};
  const double h = 1e-6;
  for (LossId id : {LossId::HalfSse, LossId::Mse}) {
    const Loss& L = bp::loss(id);
    SCOPED_TRACE(L.name);
    std::vector<double> g(3);
    L.df(th.data(), y.data(), t.data(), 3, g.data());
    for (int k = 0; k < 3; ++k) {
      std::vector<double> yp = y, ym = y;
      yp[k] += h;
      ym[k] -= h;
      EXPECT_NEAR(g[k], (eval(L, th, yp, t) - eval(L, th, ym, t)) / (2 * h), 1e-8);
    }
  }
  // And against the closed forms: y − t, 2(y − t)/K.
  std::vector<double> g(3);
  bp::loss(LossId::HalfSse).df(th.data(), y.data(), t.data(), 3, g.data());
  EXPECT_NEAR(g[0], 0.3, 1e-15);
  bp::loss(LossId::Mse).df(th.data(), y.data(), t.data(), 3, g.data());
  EXPECT_NEAR(g[1], 2 * 0.8 / 3, 1e-15);
}

// bce and ce compute E from θ, so ∂E/∂y is checked against the test's own E(y) formula.
TEST(Loss, CrossEntropyDerivativeOverYMatchesCentralDifference) {
  const double h = 1e-7;
  {
    const std::vector<double> th = {0.4, -1.1, 2.0}, t = {1.0, 0.0, 0.3};
    const std::vector<double> y = ref_sigmoid(th);
    auto E = [&](const std::vector<double>& yy) {
      double s = 0;
      for (int k = 0; k < 3; ++k) s += t[k] * std::log(yy[k]) + (1 - t[k]) * std::log(1 - yy[k]);
      return -s / 3;
    };
    std::vector<double> g(3);
    bp::loss(LossId::Bce).df(th.data(), y.data(), t.data(), 3, g.data());
    for (int k = 0; k < 3; ++k) {
      std::vector<double> yp = y, ym = y;
      yp[k] += h;
      ym[k] -= h;
      EXPECT_NEAR(g[k], (E(yp) - E(ym)) / (2 * h), 1e-6) << "bce k = " << k;
    }
  }
  {
    const std::vector<double> th = {0.4, -1.1, 2.0}, t = {0.2, 0.0, 0.8};
    const std::vector<double> y = ref_softmax(th);
    std::vector<double> g(3);
    bp::loss(LossId::Ce).df(th.data(), y.data(), t.data(), 3, g.data());
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(g[k], -t[k] / y[k], 1e-12) << "ce k = " << k;
  }
}

// df_theta against central differences of the engine's f with y recomputed through the output
// activation, i.e. the derivative of E(θ) = loss(θ, f(θ), t).
TEST(Loss, FusedThetaDerivativesMatchFiniteDifferenceThroughActivation) {
  const double h = 1e-6;
  struct Case {
    LossId id;
    std::vector<double> th, t;
  };
  const Case cases[] = {
      {LossId::Bce, {0.4, -1.1, 2.0}, {1.0, 0.0, 0.3}},
      {LossId::Ce, {0.4, -1.1, 2.0, 0.0}, {0.0, 1.0, 0.0, 0.0}},
      {LossId::Ce, {0.4, -1.1, 2.0, 0.0}, {0.1, 0.2, 0.3, 0.4}},
      // Targets that do not sum to 1: the gradient is (Σt)·y_k − t_k.
      {LossId::Ce, {0.4, -1.1, 2.0}, {0.5, 0.5, 0.5}},
  };
  for (const Case& c : cases) {
    const Loss& L = bp::loss(c.id);
    SCOPED_TRACE(L.name);
    auto act = [&](const std::vector<double>& th) {
      return c.id == LossId::Bce ? ref_sigmoid(th) : ref_softmax(th);
    };
    const int k = static_cast<int>(c.th.size());
    std::vector<double> y = act(c.th), g(k);
    L.df_theta(c.th.data(), y.data(), c.t.data(), k, g.data());
    double tsum = 0;
    for (double v : c.t) tsum += v;
    for (int j = 0; j < k; ++j) {
      std::vector<double> p = c.th, m = c.th;
      p[j] += h;
      m[j] -= h;
      double numeric = (eval(L, p, act(p), c.t) - eval(L, m, act(m), c.t)) / (2 * h);
      EXPECT_NEAR(g[j], numeric, 1e-8) << "j = " << j;
      double closed = c.id == LossId::Bce ? (y[j] - c.t[j]) / k : tsum * y[j] - c.t[j];
      EXPECT_NEAR(g[j], closed, 1e-14) << "j = " << j;
    }
  }
}

TEST(Loss, SaturatedOutputsGiveFiniteLoss) {
  // bce, θ = (50, −50), t = (0, 1): each term is softplus(50) = 50 + ln(1 + e^−50) ≈ 50.
  {
    const std::vector<double> th = {50, -50}, t = {0, 1};
    const std::vector<double> y = ref_sigmoid(th);  // (1.0, ~2e-22): 1 − y rounds to 0
    double e = eval(bp::loss(LossId::Bce), th, y, t);
    EXPECT_TRUE(std::isfinite(e));
    EXPECT_NEAR(e, 50.0, 1e-9);
    std::vector<double> g(2);
    bp::loss(LossId::Bce).df_theta(th.data(), y.data(), t.data(), 2, g.data());
    EXPECT_NEAR(g[0], 0.5, 1e-12);
    EXPECT_NEAR(g[1], -0.5, 1e-12);
  }
  // ce, θ = (50, −50), t = (0, 1): E = −(θ₂ − lse θ) = 100 + ln(1 + e^−100).
  for (double a : {50.0, 500.0}) {
    const std::vector<double> th = {a, -a}, t = {0, 1};
    const std::vector<double> y = ref_softmax(th);  // at 500, y₂ underflows to 0
    double e = eval(bp::loss(LossId::Ce), th, y, t);
    EXPECT_TRUE(std::isfinite(e)) << "a = " << a;
    EXPECT_NEAR(e, 2 * a, 1e-9) << "a = " << a;
  }
  // bce at θ = ±500 (y exactly 0 and 1).
  {
    const std::vector<double> th = {500, -500}, t = {0, 1};
    double e = eval(bp::loss(LossId::Bce), th, ref_sigmoid(th), t);
    EXPECT_NEAR(e, 500.0, 1e-9);
  }
  // Correct confident predictions cost about nothing, and never a negative amount.
  {
    const std::vector<double> th = {50, -50}, t = {1, 0};
    double e = eval(bp::loss(LossId::Bce), th, ref_sigmoid(th), t);
    EXPECT_GE(e, 0.0);
    EXPECT_LT(e, 1e-20);
  }
}

}  // namespace
