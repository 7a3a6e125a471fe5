// What every panel of the lab shares: the session and the one-line messages shown to the learner.
#pragma once
#include <string>

#include "lab.h"

namespace bplab {

struct UiContext {
  lab::Lab lab;
  std::string notice;  // what just happened ("Architecture changed: …"), shown until replaced
  std::string error;   // why the last input was refused, shown until the next good input

  // Applies settings from a panel: a good change clears the error and keeps the note; a bad one
  // keeps everything as it was and explains why.
  bool apply(const lab::Settings& s);
};

}  // namespace bplab
