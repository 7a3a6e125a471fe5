#include <gtest/gtest.h>

#include <cmath>

#include "history.h"

namespace {

TEST(History, KeepsEveryPointUntilFull) {
  lab::History h(8);
  for (int k = 0; k < 8; ++k) h.add(k, k / 4.0, 10 - k);
  EXPECT_EQ(h.size(), 8u);
  EXPECT_EQ(h.stride(), 0);
}

TEST(History, HalvesWhenFullAndStaysBounded) {
  lab::History h(8);
  for (int k = 0; k < 1000; ++k) h.add(k, k / 4.0, k * 2.0);
  EXPECT_LE(h.size(), 8u);
  EXPECT_GE(h.size(), 4u);
  EXPECT_EQ(h.xs().front(), 0);
  // Points stay evenly spaced by the stride, and y and the epoch still belong to their x.
  ASSERT_EQ(h.epochs().size(), h.size());
  for (std::size_t k = 1; k < h.size(); ++k) {
    EXPECT_EQ(h.xs()[k] - h.xs()[k - 1], h.stride());
    EXPECT_EQ(h.ys()[k], 2 * h.xs()[k]);
    EXPECT_EQ(h.epochs()[k], h.xs()[k] / 4);
  }
  // The newest point is no more than one stride behind the last x offered.
  EXPECT_GT(h.xs().back(), 999 - h.stride() - 1);
}

TEST(History, RangeSkipsNonFiniteAndOldPoints) {
  lab::History h;
  h.add(0, 0, 5);
  h.add(1, 0.5, std::nan(""));
  h.add(2, 1, 3);
  h.add(3, 1.5, 4);
  double lo = 0, hi = 0;
  ASSERT_TRUE(h.y_range(2, &lo, &hi));
  EXPECT_EQ(lo, 3);
  EXPECT_EQ(hi, 4);
  EXPECT_FALSE(h.y_range(10, &lo, &hi));
}

TEST(History, LossCsvHasOneRowPerPointWithItsEpoch) {
  lab::History train, test;
  train.add(0, 0, 0.5);
  test.add(0, 0, 0.625);
  train.add(5, 1.25, 0.25);
  test.add(5, 1.25, 0.375);
  EXPECT_EQ(lab::loss_curves_csv(train, test),
            "iteration,epoch,loss_train,loss_test\n0,0,0.5,0.625\n5,1.25,0.25,0.375\n");
}

}  // namespace
