// LandscapeSession (web/core/landscape_session.h): the grid is centred on the lab's parameters (its
// centre is the lab's loss_train to the bit), computed coarse to fine within the time given, the
// path records the positions, and Lab::set_params moves the weights with a marker.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "lab.h"
#include "landscape_session.h"
#include "plane_hessian.h"
#include "url_hash.h"

namespace {

using lab::LandscapeMode;
using lab::LandscapeSession;

// Updates at least once, then until the grid is complete.
void finish(LandscapeSession* s, const lab::Lab& l, double now) {
  s->update(l, now, 1000.0);
  for (int k = 0; k < 1000 && !s->complete(); ++k) s->update(l, now, 1000.0);
}

TEST(LandscapeSession, CentreIsLossTrainAndGridComesCoarseFirst) {
  lab::Lab l;
  LandscapeSession s;
  s.update(l, 0.0, 0.0);  // no time: one batch of 8 points, the coarse pass not yet done
  ASSERT_TRUE(s.has_plane()) << s.error();
  EXPECT_EQ(s.stride(), 0);
  EXPECT_EQ(s.center_loss(), l.loss_train());
  finish(&s, l, 0.0);
  EXPECT_EQ(s.stride(), 1);
  const int mid = s.grid() / 2;
  EXPECT_EQ(s.value(mid, mid), l.loss_train());
  EXPECT_LE(s.min_loss(), s.center_loss());
}

TEST(LandscapeSession, PathAndClickMove) {
  lab::Lab l;
  LandscapeSession s;
  finish(&s, l, 0.0);
  for (int k = 0; k < 3; ++k) {
    l.step();
    l.evaluate_and_record();
    finish(&s, l, 1.0 + k);
  }
  ASSERT_EQ(s.path().size(), 4u);
  EXPECT_EQ(s.path().back().a, 0.0);
  EXPECT_EQ(s.path().back().b, 0.0);
  EXPECT_EQ(s.center_loss(), l.loss_train());

  const std::size_t markers = l.markers().size();
  ASSERT_TRUE(l.set_params(s.params_at(0.5, -0.25)));
  EXPECT_EQ(l.markers().size(), markers + 1);
  EXPECT_EQ(l.markers().back().text, "moved on the landscape");
  for (double v : l.trainer().velocity()) EXPECT_EQ(v, 0.0);
  finish(&s, l, 10.0);
  EXPECT_EQ(s.center_loss(), l.loss_train());
  // The old position, seen from the new centre.
  EXPECT_DOUBLE_EQ(s.path()[s.path().size() - 2].a, -0.5);
  EXPECT_DOUBLE_EQ(s.path()[s.path().size() - 2].b, 0.25);
  EXPECT_FALSE(l.set_params({1.0, 2.0}));
}

// The page bench's "main-thread work of a full grid" (tests/bench/landscape_bench.mjs) reads
// work_ms: the default lab's 65×65 grid, computed within half a millisecond per frame.
TEST(LandscapeSession, WorkIsCountedPerGridAndSpreadOverFrames) {
  lab::Lab l;
  LandscapeSession s;
  lab::LandscapeOptions o;
  o.grid = 65;
  s.set_options(o);
  int calls = 0;
  do {
    s.update(l, 0.0, 0.5);
    ++calls;
  } while (!s.complete() && calls < 100000);
  ASSERT_TRUE(s.complete());
  EXPECT_EQ(s.work_frames(), calls);
  EXPECT_GT(calls, 1) << "spread over frames";
  EXPECT_GT(s.work_ms(), 0.0);
  std::printf("default lab, 65×65 grid on %d samples: %.1f ms of work over %d frames\n",
              l.train_set().size(), s.work_ms(), s.work_frames());
  const double total = s.work_ms();
  s.update(l, 0.0, 0.5);
  EXPECT_EQ(s.work_frames(), calls) << "a complete grid costs nothing more";
  EXPECT_EQ(s.work_ms(), total);
  l.step();
  l.evaluate_and_record();
  s.update(l, 1.0, 0.5);
  EXPECT_EQ(s.work_frames(), 1) << "a new centre starts a new grid";
}

// While training, the grid is re-centred a few times a second but only once the last one is
// complete: a grid that takes longer than kRecentreSeconds still completes, and grids_completed()
// counts each, which the view redraws on.
TEST(LandscapeSession, WhileTrainingAGridCompletesBeforeTheNextStarts) {
  lab::Lab l;
  LandscapeSession s;
  lab::LandscapeOptions o;
  o.grid = 65;
  s.set_options(o);
  EXPECT_EQ(s.grids_completed(), 0);
  finish(&s, l, 0.0);
  EXPECT_EQ(s.grids_completed(), 1);
  s.update(l, 0.0, 1000.0);
  EXPECT_EQ(s.grids_completed(), 1) << "a complete grid is counted once";

  l.set_running(true);
  double now = 1.0;
  l.train_frame(16.0);
  s.update(l, now, 0.0);  // due: re-centred, then one batch of 8 points
  ASSERT_FALSE(s.complete());
  const double centre = s.center_loss();
  int frames = 0;
  while (!s.complete() && frames < 10000) {
    l.train_frame(16.0);
    now += 1.0 / 60;
    s.update(l, now, 0.0);
    ++frames;
    if (!s.complete()) ASSERT_EQ(s.center_loss(), centre) << "re-centred before complete, frame " << frames;
  }
  EXPECT_GT(now - 1.0, LandscapeSession::kRecentreSeconds) << "the grid took longer than a re-centring period";
  EXPECT_EQ(s.grids_completed(), 2);
  l.train_frame(16.0);
  s.update(l, now + LandscapeSession::kRecentreSeconds, 0.0);
  EXPECT_NE(s.center_loss(), centre) << "complete and due: the next grid starts";
  l.set_running(false);
}

TEST(LandscapeSession, PlanesThatCannotBeBuiltSayWhy) {
  lab::Lab l;
  LandscapeSession s;
  lab::LandscapeOptions o;
  o.mode = LandscapeMode::Line;
  s.set_options(o);
  s.update(l, 0.0, 1.0);
  EXPECT_FALSE(s.has_plane());
  EXPECT_NE(s.error().find("initial"), std::string::npos) << s.error();
  o.mode = LandscapeMode::Names;
  o.name2 = "w999";
  s.set_options(o);
  s.update(l, 0.0, 1.0);
  EXPECT_NE(s.error().find("w999"), std::string::npos) << s.error();
  o.mode = LandscapeMode::Hessian;
  s.set_options(o);
  finish(&s, l, 0.0);
  EXPECT_TRUE(s.has_plane()) << s.error();
  EXPECT_EQ(s.center_loss(), l.loss_train());
}

// Lesson 7's ravine (its set-up: plane data without noise, features x1, x2, x1², x2², no hidden
// layer, a linear output with ½SSE, η = 1.55 ≈ 0.97·2/λmax, the whole training set as the batch),
// seen as tests/web/ravine.test.mjs sees it: the path projected on the Hessian plane, stepped from
// the same start for the same number of iterations. A direction reversal is a step of the
// projected path that turns back against the one before it: (Δa_k, Δb_k)·(Δa_k−1, Δb_k−1) < 0.
constexpr const char* kRavine =
    "ds=plane&n=200&noise=0&f=x1,x2,x1^2,x2^2&h=&out=linear&loss=half-sse&lr=1.55&mom=0&bs=100&speed=1";
constexpr int kRavineIterations = 40;

struct RavineRun {
  int reversals = 0;
  int across = 0;  // the same, counted on a alone: Δa_k·Δa_k−1 < 0
  double loss = 0;
};

RavineRun run_ravine(double mu) {
  lab::Lab l;
  lab::Settings s;
  EXPECT_TRUE(lab::decode_hash(kRavine, &s));
  s.hyper.momentum = mu;
  EXPECT_TRUE(l.apply(s));
  LandscapeSession session;
  lab::LandscapeOptions o;
  o.mode = LandscapeMode::Hessian;
  session.set_options(o);
  finish(&session, l, 0.0);
  for (int k = 0; k < kRavineIterations; ++k) {
    l.step();
    l.evaluate_and_record();
    finish(&session, l, 1.0 + k);
  }
  const std::vector<bp::PlaneCoords>& p = session.path();
  EXPECT_EQ(p.size(), std::size_t(kRavineIterations + 1));
  RavineRun run;
  for (std::size_t k = 2; k < p.size(); ++k) {
    const double da = p[k].a - p[k - 1].a, db = p[k].b - p[k - 1].b;
    const double pa = p[k - 1].a - p[k - 2].a, pb = p[k - 1].b - p[k - 2].b;
    if (da * pa + db * pb < 0) ++run.reversals;
    if (da * pa < 0) ++run.across;
  }
  run.loss = l.loss_train();
  return run;
}

TEST(LandscapeSession, Lesson7RavineZigZagsOnTheHessianPlaneAndDistillsMomentumStopsIt) {
  lab::Lab l;
  lab::Settings s;
  ASSERT_TRUE(lab::decode_hash(kRavine, &s));
  ASSERT_TRUE(l.apply(s));
  bp::HessianExtremes e;
  ASSERT_TRUE(bp::hessian_extremes(l.network(), l.trainer().loss(), l.train_set(), 300, &e));
  const double kappa = e.lambda_max / e.lambda_min;
  const double mu = std::pow((std::sqrt(kappa) - 1) / (std::sqrt(kappa) + 1), 2);
  const RavineRun plain = run_ravine(0), distill = run_ravine(mu);
  const int steps = kRavineIterations - 1;
  std::printf("ravine: λmax %.4f λmin %.4f κ %.2f μ %.4f; reversals of %d steps: μ = 0: %d (on a: %d), "
              "μ = %.3f: %d (on a: %d); loss after %d: %.3g vs %.3g\n",
              e.lambda_max, e.lambda_min, kappa, mu, steps, plain.reversals, plain.across, mu,
              distill.reversals, distill.across, kRavineIterations, plain.loss, distill.loss);
  EXPECT_NEAR(mu, 0.40, 0.01);
  EXPECT_GE(plain.reversals, 0.8 * steps);
  EXPECT_LE(distill.reversals, plain.reversals / 2);
  EXPECT_LE(distill.loss * 10, plain.loss);
}

}  // namespace
