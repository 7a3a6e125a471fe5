// What every panel of the lab shares: the session and the one-line messages shown to the learner.
#pragma once
#include <cstdint>
#include <string>

#include "lab.h"

namespace bplab {

struct UiContext {
  lab::Lab lab;
  std::string notice;  // what just happened ("Architecture changed: …"), shown until replaced
  std::string error;   // why the last input was refused, shown until the next good input
  // What a lesson step locks: control groups shown but disabled (bits of lab::Control), and the
  // training buttons (Play, Step, Step epoch, Reset). Kept apart from lab::Settings: a lock is a
  // property of the step, not of the lab a link describes.
  std::uint32_t locked_controls = 0;
  bool training_locked = false;

  // Applies settings from a panel: a good change clears the error and keeps the note; a bad one
  // keeps everything as it was and explains why.
  bool apply(const lab::Settings& s);
};

}  // namespace bplab
