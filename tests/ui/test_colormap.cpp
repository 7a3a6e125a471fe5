// The lab's colour map hits TensorFlow Playground's anchors and interpolates linearly between them;
// shaders/boundary.frag.glsl mirrors these values.
#include "colormap.h"

#include <gtest/gtest.h>

#include <cmath>

#include "dataset.h"

namespace {

void expect_rgb(lab::Rgb c, double r, double g, double b) {
  EXPECT_NEAR(c.r * 255.0, r, 1e-3);
  EXPECT_NEAR(c.g * 255.0, g, 1e-3);
  EXPECT_NEAR(c.b * 255.0, b, 1e-3);
}

TEST(Colormap, HitsItsAnchors) {
  expect_rgb(lab::colour(0.0), 0xf5, 0x93, 0x22);  // orange, class 0
  expect_rgb(lab::colour(0.5), 0xe8, 0xea, 0xeb);  // near white, the boundary
  expect_rgb(lab::colour(1.0), 0x08, 0x77, 0xbd);  // blue, class 1
}

TEST(Colormap, InterpolatesLinearlyAndClamps) {
  // Halfway between orange and the middle.
  expect_rgb(lab::colour(0.25), (0xf5 + 0xe8) / 2.0, (0x93 + 0xea) / 2.0, (0x22 + 0xeb) / 2.0);
  expect_rgb(lab::colour(0.75), (0xe8 + 0x08) / 2.0, (0xea + 0x77) / 2.0, (0xeb + 0xbd) / 2.0);
  expect_rgb(lab::colour(-3.0), 0xf5, 0x93, 0x22);
  expect_rgb(lab::colour(7.0), 0x08, 0x77, 0xbd);
  expect_rgb(lab::colour(std::nan("")), 0xe8, 0xea, 0xeb);
}

TEST(Colormap, MapsAValueRange) {
  const lab::ValueRange r{-1.0, 3.0};
  EXPECT_DOUBLE_EQ(lab::normalise(-1.0, r), 0.0);
  EXPECT_DOUBLE_EQ(lab::normalise(1.0, r), 0.5);
  EXPECT_DOUBLE_EQ(lab::normalise(3.0, r), 1.0);
  EXPECT_DOUBLE_EQ(lab::normalise(9.0, r), 1.0);
  EXPECT_DOUBLE_EQ(lab::normalise(2.0, {1.0, 1.0}), 0.5);
  expect_rgb(lab::colour(3.0, r), 0x08, 0x77, 0xbd);
}

TEST(Colormap, TargetRange) {
  bp::Dataset a{2, 1, {}, {}}, b{2, 1, {}, {}};
  const double x[2] = {0, 0};
  for (double t : {0.25, -0.5}) a.add(x, &t);
  const double t = 2.0;
  b.add(x, &t);
  const lab::ValueRange regression = lab::target_range(a, b, 0, false);
  EXPECT_DOUBLE_EQ(regression.lo, -0.5);
  EXPECT_DOUBLE_EQ(regression.hi, 2.0);
  const lab::ValueRange classes = lab::target_range(a, b, 0, true);
  EXPECT_DOUBLE_EQ(classes.lo, 0.0);
  EXPECT_DOUBLE_EQ(classes.hi, 1.0);
  const bp::Dataset empty{2, 1, {}, {}};
  EXPECT_DOUBLE_EQ(lab::target_range(empty, empty, 0, false).hi, 1.0);
}

TEST(Colormap, ActivationRange) {
  EXPECT_DOUBLE_EQ(lab::activation_range(bp::ActivationId::Sigmoid).lo, 0.0);
  EXPECT_DOUBLE_EQ(lab::activation_range(bp::ActivationId::Tanh).lo, -1.0);
  EXPECT_DOUBLE_EQ(lab::activation_range(bp::ActivationId::Relu).hi, 1.0);
}

TEST(Colormap, PacksImGuiColours) {
  EXPECT_EQ(lab::pack_rgba8(lab::kColourHigh), 0xffbd7708u);
  EXPECT_EQ(lab::pack_rgba8(lab::kColourLow, 0.0f), 0x002293f5u);
}

}  // namespace
