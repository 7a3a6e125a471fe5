// The activation table: every stated derivative against a central difference of its function,
// and tanh and the sigmoid are the build's choice of fast_math.h (plain or fast).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "activation.h"
#include "fast_tanh_sigmoid.h"

namespace {

using bp::Activation;
using bp::ActivationId;

// Independent softmax for the finite-difference reference (max-shifted).
std::vector<double> ref_softmax(const std::vector<double>& theta) {
  double m = theta[0];
  for (double v : theta) m = std::max(m, v);
  std::vector<double> y(theta.size());
  double sum = 0;
  for (std::size_t k = 0; k < theta.size(); ++k) sum += y[k] = std::exp(theta[k] - m);
  for (double& v : y) v /= sum;
  return y;
}

TEST(Activation, TableOrderNamesAndFlags) {
  const std::vector<Activation>& table = bp::activations();
  ASSERT_EQ(table.size(), 5u);
  const char* names[] = {"sigmoid", "tanh", "relu", "linear", "softmax"};
  const ActivationId ids[] = {ActivationId::Sigmoid, ActivationId::Tanh, ActivationId::Relu,
                              ActivationId::Linear, ActivationId::Softmax};
  for (int k = 0; k < 5; ++k) {
    SCOPED_TRACE(names[k]);
    EXPECT_EQ(table[k].id, ids[k]);
    EXPECT_EQ(std::string(table[k].name), names[k]);
    EXPECT_EQ(&bp::activation(ids[k]), &table[k]);
    EXPECT_EQ(bp::find_activation(names[k]), &table[k]);
    EXPECT_NE(table[k].f_formula, nullptr);
    EXPECT_NE(table[k].df_formula, nullptr);
    EXPECT_NE(table[k].f_layer, nullptr);
    EXPECT_NE(table[k].df_layer, nullptr);
    EXPECT_EQ(table[k].output_only, ids[k] == ActivationId::Softmax);
    bool elementwise = ids[k] != ActivationId::Softmax;
    EXPECT_EQ(table[k].f != nullptr, elementwise);
    EXPECT_EQ(table[k].df != nullptr, elementwise);
  }
}

TEST(Activation, UnknownNameGivesNullptr) {
  EXPECT_EQ(bp::find_activation("swish"), nullptr);
  EXPECT_EQ(bp::find_activation(""), nullptr);
  EXPECT_EQ(bp::find_activation("sigmoid "), nullptr);
}

TEST(Activation, HandValues) {
  const Activation& sig = bp::activation(ActivationId::Sigmoid);
  EXPECT_DOUBLE_EQ(sig.f(0.0), 0.5);
  EXPECT_NEAR(sig.f(std::log(3.0)), 0.75, 1e-15);  // 1 / (1 + 1/3)
  EXPECT_DOUBLE_EQ(sig.df(0.0, 0.5), 0.25);
  const Activation& tnh = bp::activation(ActivationId::Tanh);
  EXPECT_NEAR(tnh.f(std::log(2.0)), 0.6, 1e-15);  // (4 − 1) / (4 + 1)
  EXPECT_NEAR(tnh.df(std::log(2.0), 0.6), 0.64, 1e-15);  // 1 − y²
  const Activation& relu = bp::activation(ActivationId::Relu);
  EXPECT_EQ(relu.f(-2.0), 0.0);
  EXPECT_EQ(relu.f(1.5), 1.5);
  EXPECT_EQ(relu.df(-2.0, 0.0), 0.0);
  EXPECT_EQ(relu.df(1.5, 1.5), 1.0);
  const Activation& lin = bp::activation(ActivationId::Linear);
  EXPECT_EQ(lin.f(-3.25), -3.25);
  EXPECT_EQ(lin.df(-3.25, -3.25), 1.0);
  // Sigmoid stays finite and in [0, 1] far into saturation.
  EXPECT_NEAR(sig.f(-800.0), 0.0, 1e-300);
  EXPECT_EQ(sig.f(800.0), 1.0);
}

TEST(Activation, ElementwiseDerivativeMatchesCentralDifference) {
  const double h = 1e-6;
  // No point at 0: relu has a kink there.
  const double points[] = {-4.0, -1.3, -0.2, 0.07, 0.5, 1.1, 3.7};
  for (const Activation& a : bp::activations()) {
    if (!a.f) continue;
    SCOPED_TRACE(a.name);
    for (double th : points) {
      double numeric = (a.f(th + h) - a.f(th - h)) / (2 * h);
      EXPECT_NEAR(a.df(th, a.f(th)), numeric, 1e-8) << "theta = " << th;
    }
  }
}

TEST(Activation, ElementwiseLayerPairMatchesScalarPair) {
  const std::vector<double> theta = {-2.5, -0.4, 0.3, 1.9};
  const std::vector<double> dE_dy = {0.7, -1.2, 0.25, 2.0};
  for (const Activation& a : bp::activations()) {
    if (!a.f) continue;
    SCOPED_TRACE(a.name);
    std::vector<double> y(4), g(4);
    a.f_layer(theta.data(), y.data(), 4);
    a.df_layer(theta.data(), y.data(), dE_dy.data(), g.data(), 4);
    for (int k = 0; k < 4; ++k) {
      EXPECT_DOUBLE_EQ(y[k], a.f(theta[k]));
      EXPECT_NEAR(g[k], a.df(theta[k], y[k]) * dE_dy[k], 1e-15);
    }
  }
}

// What the table's tanh and sigmoid must be in this build: the textbook formulas on libm with
// BPLAB_PLAIN_MATH, the approximations of fast_tanh_sigmoid.h otherwise.
#ifdef BPLAB_PLAIN_MATH
double want_tanh(double x) { return std::tanh(x); }
double want_sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
#else
double want_tanh(double x) { return bp::fast::tanh(x); }
double want_sigmoid(double x) { return bp::fast::sigmoid(x); }
#endif

TEST(Activation, TanhAndSigmoidAreTheBuildsMathInScalarAndLayerForm) {
  // Bitwise equality: the per-sample pass uses f, the batch kernel f_layer (a loop the compiler
  // may vectorise), and both must give the same bits for results to stay reproducible.
  const int n = 100001;
  std::vector<double> theta(n), y(n);
  for (int i = 0; i < n; ++i) theta[i] = -30.0 + 60.0 * i / (n - 1);
  struct Case {
    ActivationId id;
    double (*want)(double);
  };
  for (const Case& c : {Case{ActivationId::Sigmoid, want_sigmoid}, Case{ActivationId::Tanh, want_tanh}}) {
    const Activation& a = bp::activation(c.id);
    SCOPED_TRACE(a.name);
    a.f_layer(theta.data(), y.data(), n);
    int mismatches = 0;
    for (int i = 0; i < n; ++i) {
      const double want = c.want(theta[i]);
      mismatches += a.f(theta[i]) != want;
      mismatches += y[i] != want;
    }
    EXPECT_EQ(mismatches, 0);
  }
}

TEST(Activation, SoftmaxValues) {
  const Activation& sm = bp::activation(ActivationId::Softmax);
  // θ = (0, ln 2, ln 5): e^θ = (1, 2, 5), sum 8.
  const double theta[3] = {0.0, std::log(2.0), std::log(5.0)};
  double y[3];
  sm.f_layer(theta, y, 3);
  EXPECT_NEAR(y[0], 1.0 / 8, 1e-15);
  EXPECT_NEAR(y[1], 2.0 / 8, 1e-15);
  EXPECT_NEAR(y[2], 5.0 / 8, 1e-15);
  // Large logits must not overflow: (1000, 1001) behaves as (0, 1).
  const double big[2] = {1000.0, 1001.0};
  double yb[2];
  sm.f_layer(big, yb, 2);
  EXPECT_NEAR(yb[0], 1 / (1 + std::exp(1.0)), 1e-15);
  EXPECT_NEAR(yb[1], 1 / (1 + std::exp(-1.0)), 1e-15);
}

TEST(Activation, SoftmaxJacobianVectorProductMatchesFiniteDifference) {
  const Activation& sm = bp::activation(ActivationId::Softmax);
  const std::vector<double> theta = {0.3, -1.2, 2.0, 0.05};
  const std::vector<double> dE_dy = {1.5, -0.4, 0.2, -2.0};
  const int n = 4;
  std::vector<double> y(n), g(n);
  sm.f_layer(theta.data(), y.data(), n);
  std::vector<double> y_ref = ref_softmax(theta);
  for (int k = 0; k < n; ++k) EXPECT_NEAR(y[k], y_ref[k], 1e-15);
  sm.df_layer(theta.data(), y.data(), dE_dy.data(), g.data(), n);
  // (J_fᵀ · dE_dy)_j = Σ_k dE_dy_k ∂y_k/∂θ_j, with ∂y_k/∂θ_j by central differences.
  const double h = 1e-6;
  for (int j = 0; j < n; ++j) {
    std::vector<double> plus = theta, minus = theta;
    plus[j] += h;
    minus[j] -= h;
    std::vector<double> yp = ref_softmax(plus), ym = ref_softmax(minus);
    double jvp = 0;
    for (int k = 0; k < n; ++k) jvp += dE_dy[k] * (yp[k] - ym[k]) / (2 * h);
    EXPECT_NEAR(g[j], jvp, 1e-8) << "j = " << j;
  }
}

}  // namespace
