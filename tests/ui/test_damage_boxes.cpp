// DamageBoxes: every damaged pixel is covered, the rectangles never overlap, and near boxes join.
#include <gtest/gtest.h>

#include <random>

#include "damage_boxes.h"

namespace {

using bplab::Box;

const Box kScreen{0, 0, 1280, 800};

bool covers(const std::vector<Box>& rects, const Box& b) {
  // Every whole pixel that b touches lies in one of the rectangles.
  for (int y = int(std::floor(b.y0)); y < int(std::ceil(b.y1)); ++y)
    for (int x = int(std::floor(b.x0)); x < int(std::ceil(b.x1)); ++x) {
      bool in = false;
      for (const Box& r : rects) in = in || (r.x0 <= x && x + 1 <= r.x1 && r.y0 <= y && y + 1 <= r.y1);
      if (!in) return false;
    }
  return true;
}

TEST(DamageBoxes, NearBoxesJoinAndFarOnesStayApart) {
  bplab::DamageBoxes d(8);
  d.add({10, 10, 20, 20});
  d.add({25, 12, 30, 18});   // 5 px away: joined
  d.add({400, 300, 410, 310});
  const std::vector<Box> out = d.finish(0, kScreen, 8);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].x0, 10);
  EXPECT_EQ(out[0].x1, 30);
  EXPECT_EQ(out[1].x0, 400);
}

TEST(DamageBoxes, RectanglesAreWholePixelsWidenedAndClipped) {
  bplab::DamageBoxes d(0);
  d.add({10.5f, 10.25f, 20.5f, 20.75f});
  d.add({-5, 790, 3, 805});
  const std::vector<Box> out = d.finish(1, kScreen, 8);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].x0, 9);
  EXPECT_EQ(out[0].y0, 9);
  EXPECT_EQ(out[0].x1, 22);
  EXPECT_EQ(out[0].y1, 22);
  EXPECT_EQ(out[1].x0, 0);
  EXPECT_EQ(out[1].y1, 800);
}

TEST(DamageBoxes, RandomBoxesAreCoveredByRectanglesThatNeverOverlap) {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 200; ++trial) {
    bplab::DamageBoxes d(float(rng() % 20));
    std::vector<Box> added;
    const int n = 1 + int(rng() % 30);
    for (int k = 0; k < n; ++k) {
      const float x = float(rng() % 300), y = float(rng() % 200);
      added.push_back({x + 0.3f, y + 0.6f, x + 1 + float(rng() % 40), y + 1 + float(rng() % 40)});
      d.add(added.back());
    }
    const int cap = 1 + int(rng() % 6);
    const Box bounds{0, 0, 320, 220};
    const std::vector<Box> out = d.finish(1, bounds, cap);
    ASSERT_LE(out.size(), std::size_t(cap));
    for (std::size_t i = 0; i < out.size(); ++i)
      for (std::size_t j = i + 1; j < out.size(); ++j) EXPECT_FALSE(out[i].overlaps(out[j]));
    for (const Box& b : added) EXPECT_TRUE(covers(out, b.clipped(bounds)));
  }
}

TEST(DamageBoxes, NothingAddedGivesNothing) {
  bplab::DamageBoxes d(8);
  d.add({5, 5, 5, 9});  // empty
  EXPECT_FALSE(d.any());
  EXPECT_TRUE(d.finish(1, kScreen, 4).empty());
}

}  // namespace
