#include <gtest/gtest.h>

#include <cmath>

#include "history.h"

namespace {

TEST(History, KeepsEveryPointUntilFull) {
  lab::History h(8);
  for (int k = 0; k < 8; ++k) h.add(k, 10 - k);
  EXPECT_EQ(h.size(), 8u);
  EXPECT_EQ(h.stride(), 0);
}

TEST(History, HalvesWhenFullAndStaysBounded) {
  lab::History h(8);
  for (int k = 0; k < 1000; ++k) h.add(k, k * 2.0);
  EXPECT_LE(h.size(), 8u);
  EXPECT_GE(h.size(), 4u);
  EXPECT_EQ(h.xs().front(), 0);
  // Points stay evenly spaced by the stride, and y still belongs to its x.
  for (std::size_t k = 1; k < h.size(); ++k) {
    EXPECT_EQ(h.xs()[k] - h.xs()[k - 1], h.stride());
    EXPECT_EQ(h.ys()[k], 2 * h.xs()[k]);
  }
  // The newest point is no more than one stride behind the last x offered.
  EXPECT_GT(h.xs().back(), 999 - h.stride() - 1);
}

TEST(History, RangeSkipsNonFiniteAndOldPoints) {
  lab::History h;
  h.add(0, 5);
  h.add(1, std::nan(""));
  h.add(2, 3);
  h.add(3, 4);
  double lo = 0, hi = 0;
  ASSERT_TRUE(h.y_range(2, &lo, &hi));
  EXPECT_EQ(lo, 3);
  EXPECT_EQ(hi, 4);
  EXPECT_FALSE(h.y_range(10, &lo, &hi));
}

}  // namespace
