// fast_tanh_sigmoid.h against libm: tanh against std::tanh and the sigmoid against the libm
// formula 1 / (1 + e^−θ) for θ ≥ 0, e^θ / (1 + e^θ) below (accurate in the far negative tail), over
// dense grids, near 0, in the far tails and at the special values. Which of the two the activation
// table uses is fast_math.h's choice, tested in test_activation.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "fast_tanh_sigmoid.h"

namespace {

double libm_sigmoid(double theta) {
  if (theta >= 0) return 1.0 / (1.0 + std::exp(-theta));
  const double e = std::exp(theta);
  return e / (1.0 + e);
}

// |a − ref| in units of the last place of ref (ref normal and nonzero).
double ulps(double a, double ref) {
  const double r = std::fabs(ref);
  return std::fabs(a - ref) / (std::nextafter(r, INFINITY) - r);
}

// Largest relative error and error in ulps seen over a set of points.
struct MaxError {
  double rel = 0, ulp = 0, at = 0;
  void add(double x, double got, double ref) {
    const double e = std::fabs(got - ref) / std::fabs(ref);
    if (e > rel) {
      rel = e;
      at = x;
    }
    ulp = std::max(ulp, ulps(got, ref));
  }
};

constexpr double kTol = 1e-13;  // relative; 3 ulp is below 6.7e-16

TEST(FastMath, TanhDenseGridMatchesLibm) {
  const int n = 1000000;  // 10⁶ + 1 points in [−40, 40], step 8e-5
  MaxError m;
  for (int i = 0; i <= n; ++i) {
    const double x = -40.0 + 80.0 * i / n;
    const double ref = std::tanh(x);
    if (ref != 0) m.add(x, bp::fast::tanh(x), ref);
    else EXPECT_EQ(bp::fast::tanh(x), 0.0);
  }
  std::printf("tanh on [-40, 40]: max relative error %.3g (%.2f ulp) at x = %.17g\n", m.rel, m.ulp,
              m.at);
  EXPECT_LT(m.rel, kTol);
}

TEST(FastMath, TanhNearZeroKeepsRelativeAccuracy) {
  MaxError m;
  for (double x = 1e-300; x < 2.0; x *= 1.0001) {  // ~7·10⁶ points, log-spaced
    m.add(x, bp::fast::tanh(x), std::tanh(x));
    m.add(-x, bp::fast::tanh(-x), std::tanh(-x));
  }
  std::printf("tanh on ±[1e-300, 2]: max relative error %.3g (%.2f ulp) at x = %.17g\n", m.rel,
              m.ulp, m.at);
  EXPECT_LT(m.rel, kTol);
  // Below 2⁻²⁷, tanh x = x − x³/3 + … rounds to x itself, subnormals included.
  const double tiny[] = {0x1p-28, 1e-10, 1e-100, 1e-300, std::numeric_limits<double>::min(),
                         std::numeric_limits<double>::denorm_min()};
  for (double x : tiny) {
    EXPECT_EQ(bp::fast::tanh(x), x) << x;
    EXPECT_EQ(bp::fast::tanh(-x), -x) << x;
  }
}

TEST(FastMath, TanhSaturatesAndHandlesSpecialValues) {
  const double inf = std::numeric_limits<double>::infinity();
  for (double x : {19.1, 20.0, 40.0, 710.0, 1e15, 1e300, std::numeric_limits<double>::max(), inf}) {
    EXPECT_EQ(bp::fast::tanh(x), 1.0) << x;
    EXPECT_EQ(bp::fast::tanh(-x), -1.0) << x;
  }
  EXPECT_EQ(bp::fast::tanh(0.0), 0.0);
  EXPECT_TRUE(std::signbit(bp::fast::tanh(-0.0)));
  EXPECT_TRUE(std::isnan(bp::fast::tanh(std::nan(""))));
  EXPECT_TRUE(std::isnan(bp::fast::tanh(-std::nan(""))));
  // Odd, exactly: the sign is applied last.
  for (double x = 1e-3; x < 25; x *= 1.37) EXPECT_EQ(bp::fast::tanh(-x), -bp::fast::tanh(x));
}

TEST(FastMath, SigmoidDenseGridMatchesLibm) {
  const int n = 1000000;
  MaxError m;
  for (int i = 0; i <= n; ++i) {
    const double x = -40.0 + 80.0 * i / n;
    m.add(x, bp::fast::sigmoid(x), libm_sigmoid(x));
  }
  std::printf("sigmoid on [-40, 40]: max relative error %.3g (%.2f ulp) at x = %.17g\n", m.rel,
              m.ulp, m.at);
  EXPECT_LT(m.rel, kTol);
}

TEST(FastMath, SigmoidTailsAndSpecialValues) {
  // The negative tail e^θ / (1 + e^θ) stays accurate in relative terms while e^θ is normal
  // (θ ≥ −708.39).
  MaxError m;
  for (double x = -40; x > -708.3; x -= 1.3e-3) m.add(x, bp::fast::sigmoid(x), libm_sigmoid(x));
  std::printf("sigmoid on [-708.3, -40]: max relative error %.3g (%.2f ulp) at x = %.17g\n", m.rel,
              m.ulp, m.at);
  EXPECT_LT(m.rel, kTol);
  // Further down the result is subnormal (absolute spacing 2⁻¹⁰⁷⁴) and then 0, as with libm.
  const double dmin = std::numeric_limits<double>::denorm_min();
  for (double x = -708.4; x > -760; x -= 0.01)
    EXPECT_LE(std::fabs(bp::fast::sigmoid(x) - libm_sigmoid(x)), dmin) << x;
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(bp::fast::sigmoid(-746.0), 0.0);
  EXPECT_EQ(bp::fast::sigmoid(-1e300), 0.0);
  EXPECT_EQ(bp::fast::sigmoid(-inf), 0.0);
  // The positive side rounds to 1 from θ ≈ 36.7 on.
  for (double x : {37.0, 40.0, 800.0, 1e300, inf}) EXPECT_EQ(bp::fast::sigmoid(x), 1.0) << x;
  EXPECT_EQ(bp::fast::sigmoid(0.0), 0.5);
  EXPECT_EQ(bp::fast::sigmoid(-0.0), 0.5);
  EXPECT_TRUE(std::isnan(bp::fast::sigmoid(std::nan(""))));
  EXPECT_TRUE(std::isnan(bp::fast::sigmoid(-std::nan(""))));
}

TEST(FastMath, WithinAFewUlpOfTheTrueValue) {
  // long double (x87, 64-bit significand) as the "true" value where the platform has it.
  if (std::numeric_limits<long double>::digits <= 53) GTEST_SKIP() << "no wider long double";
  auto ulps_true = [](double got, long double ref) {
    const double r = std::fabs(double(ref));
    return double(std::fabs(got - ref) / (std::nextafter(r, INFINITY) - r));
  };
  double worst_tanh = 0, worst_sigmoid = 0, worst_libm_tanh = 0;
  for (int i = 0; i <= 1000000; ++i) {
    const long double x = -40.0L + 80.0L * i / 1000000;
    const double xd = double(x);
    const long double t = std::tanh((long double)xd);
    const long double e = std::exp(-std::fabs((long double)xd));
    const long double sg = xd >= 0 ? 1 / (1 + e) : e / (1 + e);
    if (t != 0) {
      worst_tanh = std::max(worst_tanh, ulps_true(bp::fast::tanh(xd), t));
      worst_libm_tanh = std::max(worst_libm_tanh, ulps_true(std::tanh(xd), t));
    }
    worst_sigmoid = std::max(worst_sigmoid, ulps_true(bp::fast::sigmoid(xd), sg));
  }
  std::printf("vs long double on [-40, 40]: tanh %.2f ulp (libm %.2f), sigmoid %.2f ulp\n",
              worst_tanh, worst_libm_tanh, worst_sigmoid);
  EXPECT_LT(worst_tanh, 3.0);
  EXPECT_LT(worst_sigmoid, 3.0);
}

}  // namespace
