// Input features of the 2-D data sets: the table, masks, and values worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "input_features.h"

namespace {

TEST(Features, TableAndLookup) {
  const char* names[] = {"x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"};
  ASSERT_EQ(bp::features().size(), 7u);
  for (int k = 0; k < 7; ++k) {
    EXPECT_EQ(std::string(bp::features()[k].name), names[k]);
    EXPECT_EQ(bp::find_feature(names[k]), k);
  }
  EXPECT_EQ(bp::find_feature("x3"), -1);
  EXPECT_EQ(bp::feature_count(bp::kDefaultFeatures), 2);
  EXPECT_EQ(bp::feature_count(0b1111111), 7);
  EXPECT_EQ(bp::feature_count(0b1010100), 3);
}

TEST(Features, ValuesByHand) {
  const double x1 = 0.5, x2 = -2.0;
  double out[7];
  bp::feature_vector(x1, x2, 0b1111111, out);
  const double expected[7] = {0.5, -2.0, 0.25, 4.0, -1.0, std::sin(0.5), std::sin(-2.0)};
  for (int k = 0; k < 7; ++k) EXPECT_DOUBLE_EQ(out[k], expected[k]) << k;
  // Selected features only, in table order.
  double some[3] = {9, 9, 9};
  bp::feature_vector(x1, x2, 0b0110010, some);  // x2, x1x2, sin_x1
  EXPECT_DOUBLE_EQ(some[0], -2.0);
  EXPECT_DOUBLE_EQ(some[1], -1.0);
  EXPECT_DOUBLE_EQ(some[2], std::sin(0.5));
}

TEST(Features, ApplyToADataset) {
  bp::Dataset raw;
  raw.n_inputs = 2;
  raw.n_targets = 1;
  const double a[2] = {0.5, -2.0}, b[2] = {3.0, 1.0}, ta = 1, tb = 0;
  raw.add(a, &ta);
  raw.add(b, &tb);
  bp::Dataset f = bp::apply_features(raw, 0b0011100);  // x1^2, x2^2, x1x2
  EXPECT_EQ(f.n_inputs, 3);
  EXPECT_EQ(f.n_targets, 1);
  ASSERT_EQ(f.size(), 2);
  EXPECT_EQ(f.x, (std::vector<double>{0.25, 4.0, -1.0, 9.0, 1.0, 3.0}));
  EXPECT_EQ(f.t, raw.t);
}

}  // namespace
