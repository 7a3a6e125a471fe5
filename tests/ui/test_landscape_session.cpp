// LandscapeSession (web/core/landscape_session.h): the grid is centred on the lab's parameters (its
// centre is the lab's loss_train to the bit), computed coarse to fine within the time given, the
// path records the positions, and Lab::set_params moves the weights with a marker.
#include <gtest/gtest.h>

#include <cmath>

#include "lab.h"
#include "landscape_session.h"

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

}  // namespace
