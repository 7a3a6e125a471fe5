// The numbers the lesson texts state about their own set-ups, computed from the lab's data by an
// independent route (normal equations and the Hessian of a linear unit's half-sse loss, which is
// H = mean(z·zᵀ) over the inputs z = (features, 1)), and the runs the texts describe.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "learner.h"

namespace {

using lessons_test::Learner;
using Matrix = std::vector<std::vector<double>>;

// H = mean(z·zᵀ) and g = mean(z·t) over the training set, z = (inputs, 1).
void normal_equations(const bp::Dataset& d, Matrix* h, std::vector<double>* g) {
  const int n = d.n_inputs + 1;
  h->assign(n, std::vector<double>(n, 0.0));
  g->assign(n, 0.0);
  for (int s = 0; s < d.size(); ++s) {
    std::vector<double> z(d.input(s), d.input(s) + d.n_inputs);
    z.push_back(1.0);
    for (int a = 0; a < n; ++a) {
      (*g)[a] += z[a] * d.target(s)[0] / d.size();
      for (int b = 0; b < n; ++b) (*h)[a][b] += z[a] * z[b] / d.size();
    }
  }
}

// Eigenvalues of a symmetric matrix by cyclic Jacobi rotations, ascending.
std::vector<double> eigenvalues(Matrix a) {
  const int n = int(a.size());
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0;
    for (int p = 0; p < n; ++p)
      for (int q = p + 1; q < n; ++q) off += a[p][q] * a[p][q];
    if (off < 1e-30) break;
    for (int p = 0; p < n; ++p)
      for (int q = p + 1; q < n; ++q) {
        if (std::abs(a[p][q]) < 1e-300) continue;
        const double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const double t = (theta >= 0 ? 1 : -1) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; ++k) {
          const double akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; ++k) {
          const double apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
      }
  }
  std::vector<double> ev(n);
  for (int k = 0; k < n; ++k) ev[k] = a[k][k];
  std::sort(ev.begin(), ev.end());
  return ev;
}

// The least-squares weights: H·w = g by Gaussian elimination with partial pivoting.
std::vector<double> solve(Matrix h, std::vector<double> g) {
  const int n = int(g.size());
  for (int c = 0; c < n; ++c) {
    int p = c;
    for (int r = c + 1; r < n; ++r)
      if (std::abs(h[r][c]) > std::abs(h[p][c])) p = r;
    std::swap(h[c], h[p]);
    std::swap(g[c], g[p]);
    for (int r = c + 1; r < n; ++r) {
      const double f = h[r][c] / h[c][c];
      for (int k = c; k < n; ++k) h[r][k] -= f * h[c][k];
      g[r] -= f * g[c];
    }
  }
  std::vector<double> w(n);
  for (int r = n - 1; r >= 0; --r) {
    double s = g[r];
    for (int k = r + 1; k < n; ++k) s -= h[r][k] * w[k];
    w[r] = s / h[r][r];
  }
  return w;
}

// The smallest half-sse loss a linear unit reaches on the set.
double least_loss(const bp::Dataset& d) {
  Matrix h;
  std::vector<double> g;
  normal_equations(d, &h, &g);
  const std::vector<double> w = solve(h, g);
  double e = 0;
  for (int s = 0; s < d.size(); ++s) {
    double y = w.back();
    for (int i = 0; i < d.n_inputs; ++i) y += w[i] * d.input(s)[i];
    e += 0.5 * (y - d.target(s)[0]) * (y - d.target(s)[0]) / d.size();
  }
  return e;
}

double lambda_max(const bp::Dataset& d) {
  Matrix h;
  std::vector<double> g;
  normal_equations(d, &h, &g);
  return eigenvalues(h).back();
}

TEST(LessonNumbers, L06CurvatureAndBestLoss) {
  Learner l;
  l.open("learning-rate");
  const bp::Dataset& d = l.lab().train_set();
  // 06/2: "along the direction where E curves most steeply it is here about 1", so η = 3 > 2/E″.
  const double lmax = lambda_max(d);
  std::printf("lesson 6: λmax = %.4f, 2/λmax = %.4f, least loss = %.6f\n", lmax, 2 / lmax, least_loss(d));
  EXPECT_GT(lmax, 0.8);
  EXPECT_LT(lmax, 1.25);
  EXPECT_GT(3.0, 2 / lmax);
  // 06/1: "the best this linear unit can do on the noisy data is a loss of about 0.0003".
  EXPECT_NEAR(least_loss(d), 0.0003, 0.0001);
}



// Lesson 7's run from its set-up (η = 1.55, full batch) for 40 iterations at momentum μ.
struct MomentumRun {
  double loss = 0;
  int loss_rises = 0;              // iterations after which the loss was higher than before
  std::vector<int> reversals;      // per parameter: updates whose sign differs from the previous one
};

MomentumRun run_momentum(double mu, int iterations = 40) {
  Learner l;
  l.open("momentum");
  l.momentum(mu);
  const bp::Network& net = l.lab().network();
  const auto params = [&] {
    std::vector<double> p;
    for (int i = 0; i < net.size(0); ++i) p.push_back(net.weight(1, 0, i));
    p.push_back(net.biases(1)[0]);
    return p;
  };
  MomentumRun run;
  run.reversals.assign(params().size(), 0);
  std::vector<double> last_update(params().size(), 0.0);
  double loss = l.lab().loss_train();
  for (int it = 0; it < iterations; ++it) {
    const std::vector<double> before = params();
    l.step();
    const std::vector<double> after = params();
    for (std::size_t k = 0; k < after.size(); ++k) {
      const double update = after[k] - before[k];
      if (update * last_update[k] < 0) ++run.reversals[k];
      last_update[k] = update;
    }
    if (l.lab().loss_train() > loss) ++run.loss_rises;
    loss = l.lab().loss_train();
  }
  run.loss = loss;
  return run;
}

TEST(LessonNumbers, L07RavineZigZagsAndTheTheorysMomentumWins) {
  Learner l;
  l.open("momentum");
  const bp::Dataset& d = l.lab().train_set();
  Matrix h;
  std::vector<double> g;
  normal_equations(d, &h, &g);
  const std::vector<double> ev = eigenvalues(h);
  const double lmax = ev.back(), lmin = ev.front(), kappa = lmax / lmin;
  const double mu_theory = std::pow((std::sqrt(kappa) - 1) / (std::sqrt(kappa) + 1), 2);
  std::printf("lesson 7: λmax = %.4f, λmin = %.4f, κ = %.2f, 2/λmax = %.4f, μ* = %.4f\n", lmax, lmin, kappa,
              2 / lmax, mu_theory);
  // 07/0: "about 1.25 across the valley and 0.063 along it; κ about 20"; η = 1.55 just below 2/λmax.
  EXPECT_NEAR(lmax, 1.25, 0.02);
  EXPECT_NEAR(lmin, 0.063, 0.003);
  EXPECT_NEAR(kappa, 20, 1);
  EXPECT_EQ(l.lab().settings().hyper.learning_rate, 1.55);
  EXPECT_LT(1.55, 2 / lmax);
  EXPECT_GT(1.55 * lmax, 1.9) << "each step across the valley overshoots to the other side";
  // 07/1: "here about 0.40"; Goh's own η for that μ, (2/(√λmax + √λmin))², "about 2.1", not the
  // lesson's 1.55.
  EXPECT_NEAR(mu_theory, 0.40, 0.01);
  const double eta_theory = std::pow(2 / (std::sqrt(lmax) + std::sqrt(lmin)), 2);
  EXPECT_NEAR(eta_theory, 2.1, 0.05);

  const MomentumRun plain = run_momentum(0), theory = run_momentum(0.4), heavy = run_momentum(0.9),
                    heavier = run_momentum(0.95);
  std::printf("after 40 iterations: μ = 0: %.3g, μ = 0.4: %.3g, μ = 0.9: %.3g, μ = 0.95: %.3g\n", plain.loss,
              theory.loss, heavy.loss, heavier.loss);
  // Zig-zag: every parameter's update reverses its direction on at least 80 % of the steps.
  for (std::size_t k = 0; k < plain.reversals.size(); ++k)
    EXPECT_GE(plain.reversals[k], 0.8 * 39) << "parameter " << k;
  // 07/0 and 07/1: "about 1.4·10⁻⁵"; μ = 0.4 ends below 10⁻⁹, about 10⁵ times lower.
  EXPECT_NEAR(plain.loss, 1.4e-5, 0.2e-5);
  EXPECT_LT(theory.loss, 1e-9);
  EXPECT_LT(theory.loss * 1e4, plain.loss);
  // 07/3: μ = 0.9 ends near 10⁻⁴, worse than μ = 0; μ = 0.95 near 10⁻³; both rise and fall.
  EXPECT_GT(heavy.loss, plain.loss);
  EXPECT_GT(heavy.loss, 0.5e-4);
  EXPECT_LT(heavy.loss, 2e-4);
  EXPECT_GT(heavier.loss, 0.5e-3);
  EXPECT_LT(heavier.loss, 2e-3);
  EXPECT_GE(heavy.loss_rises, 5);
  EXPECT_GE(heavier.loss_rises, 5);
}

}  // namespace
