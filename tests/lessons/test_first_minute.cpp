// The first minute of a visit: the default free lab visibly learns within 3 s of Play. At 60 frames
// per second that is 180 frames at the default Speed; the training loss must halve in them.
#include <gtest/gtest.h>

#include "lab.h"

namespace {

TEST(FirstMinute, DefaultLabHalvesItsLossWithinThreeSecondsOfPlay) {
  lab::Lab lab;
  const double start = lab.loss_train();
  lab.set_running(true);
  int frames = 0;
  long long iterations = 0;
  for (; frames < 180 && lab.loss_train() > start / 2; ++frames) iterations += lab.train_frame(1000.0 / 60);
  std::printf("default lab: speed %d, loss %.4f → %.4f after %d frames (%lld iterations)\n", lab.settings().speed,
              start, lab.loss_train(), frames, iterations);
  EXPECT_LE(lab.loss_train(), start / 2) << "after 180 frames (3 s at 60 fps)";
}

}  // namespace
