// The native lab's command line and the swap interval it asks for.
#include <gtest/gtest.h>

#include <vector>

#include "native_args.h"

namespace {

bool parse(std::vector<const char*> argv, bplab::NativeArgs* args) {
  argv.insert(argv.begin(), "bplab-lab");
  return bplab::parse_native_args(int(argv.size()), argv.data(), args);
}

// An open-ended run (no --frames) follows the frame pacer: two refreshes a frame when it asks for
// two.
TEST(NativeArgs, AnOpenEndedRunFollowsTheFramePacer) {
  bplab::NativeArgs args;
  ASSERT_TRUE(parse({"--hash", "ds=xor"}, &args));
  for (int interval : {1, 2, 3}) EXPECT_EQ(bplab::native_swap_interval(args, interval), interval);
}

TEST(NativeArgs, ABoundedRunDoesNotWaitForTheDisplay) {
  bplab::NativeArgs args;
  ASSERT_TRUE(parse({"--frames", "30", "--screenshot", "shot.png"}, &args));
  EXPECT_EQ(args.frames, 30);
  for (int interval : {1, 2, 3}) EXPECT_EQ(bplab::native_swap_interval(args, interval), 0);
}

TEST(NativeArgs, RefusesBadArguments) {
  bplab::NativeArgs args;
  EXPECT_FALSE(parse({"--frames", "0"}, &args));
  EXPECT_FALSE(parse({"--frames", "3x"}, &args));
  args = {};
  EXPECT_FALSE(parse({"--screenshot", "shot.png"}, &args)) << "a screenshot needs --frames";
  EXPECT_FALSE(parse({"--font"}, &args)) << "a flag without its value";
  EXPECT_FALSE(parse({"--fast"}, &args));
}

}  // namespace
