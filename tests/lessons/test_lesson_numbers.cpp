// The numbers the lesson texts state about their own set-ups, computed from the lab's data by an
// independent route (normal equations and the Hessian of a linear unit's half-sse loss, which is
// H = mean(z·zᵀ) over the inputs z = (features, 1)), and the runs the texts describe.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>
#include <vector>

#include "landscape_session.h"
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


// What the Landscape tab draws of a lesson step's run: the step opened as the learner opens it
// (its set-up chooses the plane, land=…), trained frame by frame while the view updates, as the
// app's loop does (lab_app.cpp: train, then the view's session.update at 60 frames per second).
struct LandscapeRun {
  std::vector<bp::PlaneCoords> path;  // oldest first, one point per frame
  int reversals = 0;                  // path steps that turn back: Δp_k · Δp_k−1 < 0
  double loss = 0;
};

LandscapeRun landscape_run(Learner& l, int frames) {
  lab::LandscapeSession session;
  session.set_options(l.lab().settings().landscape);
  double now = 0;
  session.update(l.lab(), now, 0.0);
  EXPECT_TRUE(session.has_plane()) << session.error();
  l.lab().set_running(true);
  for (int f = 0; f < frames && l.lab().running(); ++f) {
    l.lab().train_frame(16.0);
    now += 1.0 / 60;
    session.update(l.lab(), now, 0.0);
  }
  l.lab().set_running(false);
  LandscapeRun run;
  run.path = session.path();
  const std::vector<bp::PlaneCoords>& p = run.path;
  for (std::size_t k = 2; k < p.size(); ++k) {
    const double da = p[k].a - p[k - 1].a, db = p[k].b - p[k - 1].b;
    const double pa = p[k - 1].a - p[k - 2].a, pb = p[k - 1].b - p[k - 2].b;
    if (da * pa + db * pb < 0) ++run.reversals;
  }
  run.loss = l.lab().loss_train();
  return run;
}

// Opens lesson `id` at `step` (from 0), as a link to that step does.
void open_at(Learner& l, const std::string& id, int step) {
  l.open(id);
  EXPECT_TRUE(l.runner().open_at(l.runner().lesson_index(), step, &l.lab()));
}

// |Δp_k| > |Δp_k−1|: path steps longer than the one before.
int growing_steps(const std::vector<bp::PlaneCoords>& p) {
  int n = 0;
  for (std::size_t k = 2; k < p.size(); ++k)
    if (std::hypot(p[k].a - p[k - 1].a, p[k].b - p[k - 1].b) >
        std::hypot(p[k - 1].a - p[k - 2].a, p[k - 1].b - p[k - 2].b))
      ++n;
  return n;
}

// 04/4: on the plane (w1, b1.1) "E is a bowl; your path runs straight along the w1 axis: the bias
// stays exactly 0 … with η = 0.1 or 0.5 every step lands short of the bottom, never past it".
TEST(LessonNumbers, L04PathRunsAlongWToTheBottomOfABowl) {
  for (const double eta : {0.1, 0.5}) {
    Learner l;
    open_at(l, "gradient-descent", 4);
    Matrix h;
    std::vector<double> g;
    normal_equations(l.lab().train_set(), &h, &g);
    EXPECT_GT(eigenvalues(h).front(), 0) << "a bowl: E curves up in every direction of (w1, b1.1)";
    l.learning_rate(eta);
    const LandscapeRun run = landscape_run(l, 30);
    ASSERT_EQ(run.path.size(), 31u);
    for (std::size_t k = 1; k < run.path.size(); ++k) {
      EXPECT_EQ(run.path[k].b, 0.0) << "η " << eta << ", point " << k;
      EXPECT_GT(run.path[k].a, run.path[k - 1].a) << "η " << eta << ", point " << k;
    }
    EXPECT_EQ(l.lab().network().biases(1)[0], 0.0);
    EXPECT_LT(l.lab().network().weight(1, 0, 0), 2.0) << "η " << eta;
  }
}

// 06/2: on the Hessian plane, at η = 3 "the path jumps across the valley at every step, each jump
// wider than the last" (one iteration per frame).
TEST(LessonNumbers, L06TooLargeAStepJumpsWiderEachTime) {
  Learner l;
  open_at(l, "learning-rate", 2);
  EXPECT_EQ(l.lab().settings().speed, 1);
  l.learning_rate(3);
  const LandscapeRun run = landscape_run(l, 40);
  const int steps = int(run.path.size()) - 2;
  ASSERT_EQ(steps, 39);
  EXPECT_EQ(run.reversals, steps);
  EXPECT_GE(growing_steps(run.path), steps - 1);
}

// 07/0, 07/1, 07/3 on the Hessian plane over 40 iterations: μ = 0 "turns back at every step";
// μ = 0.4 "turns back once"; μ = 0.9 "on about a quarter of its steps".
TEST(LessonNumbers, L07PathsOnTheHessianPlane) {
  const int steps = 39;
  for (const auto& [step, mu, low, high] :
       {std::tuple{0, 0.0, steps, steps}, {1, 0.4, 1, 1}, {3, 0.9, 7, 13}}) {
    Learner l;
    open_at(l, "momentum", step);
    EXPECT_EQ(l.lab().settings().hyper.momentum, mu);
    const LandscapeRun run = landscape_run(l, 40);
    ASSERT_EQ(int(run.path.size()) - 2, steps);
    std::printf("lesson 7, μ = %.1f: the path turns back on %d of %d steps\n", mu, run.reversals, steps);
    EXPECT_GE(run.reversals, low) << "μ = " << mu;
    EXPECT_LE(run.reversals, high) << "μ = " << mu;
  }
}

// 08/0–08/2 on the plane (w1, w2), one point per frame of 10 iterations: batch size 1 "turns back
// on about half of its steps", the full batch "never", batch size 10 "about a quarter".
TEST(LessonNumbers, L08SmallBatchesMakeANoisyPath) {
  for (const auto& [step, batch, low, high] :
       {std::tuple{0, 1, 0.35, 0.65}, {1, 200, 0.0, 0.0}, {2, 10, 0.15, 0.35}}) {
    Learner l;
    open_at(l, "batch-size", step);
    l.batch_size(batch);
    EXPECT_EQ(l.number("samples_train"), 200);
    const LandscapeRun run = landscape_run(l, 60);
    const int steps = int(run.path.size()) - 2;
    ASSERT_EQ(steps, 59);
    std::printf("lesson 8, batch %d: the path turns back on %d of %d steps\n", batch, run.reversals, steps);
    EXPECT_GE(run.reversals, low * steps) << "batch " << batch;
    EXPECT_LE(run.reversals, high * steps) << "batch " << batch;
  }
}

// 08/1 on the epochs axis: "one point per frame, 10 updates at Speed 10: half an epoch at batch
// size 10, but 10 epochs at the full batch"; 08/2 and the summary keep the epochs axis, the summary
// "switch it to x: iterations".
TEST(LessonNumbers, L08FullBatchCurveCountsEpochs) {
  Learner l;
  open_at(l, "batch-size", 1);
  EXPECT_EQ(l.lab().settings().loss_axis, lab::LossAxis::Epochs);
  EXPECT_EQ(l.lab().settings().speed, 10);
  EXPECT_EQ(l.number("iterations_per_epoch"), 20);
  {
    Learner ten;
    open_at(ten, "batch-size", 1);
    ten.play(1);
    EXPECT_DOUBLE_EQ(ten.lab().train_curve().epochs().back(), 0.5) << "half an epoch at batch size 10";
  }
  l.batch_size(200);
  EXPECT_EQ(l.number("iterations_per_epoch"), 1);
  l.play(3);
  const std::vector<double>& epochs = l.lab().train_curve().epochs();
  ASSERT_EQ(epochs.size(), 4u);
  for (std::size_t k = 0; k < epochs.size(); ++k) EXPECT_DOUBLE_EQ(epochs[k], 10.0 * k);
  for (int step : {0, 2, 3}) {
    Learner other;
    open_at(other, "batch-size", step);
    EXPECT_EQ(other.lab().settings().loss_axis, step == 0 ? lab::LossAxis::Iterations : lab::LossAxis::Epochs)
        << "step " << step;
  }
}

}  // namespace
