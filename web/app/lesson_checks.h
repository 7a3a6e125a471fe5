// The end-of-lesson checks (docs/lessons.md, "Checks"), drawn on a lesson's last step: a few
// multiple-choice or numeric questions aimed at common mistakes. Each answer is checked by
// LessonRunner::answer_check, which records the result in progress; the explanation follows,
// right or wrong, and the learner may answer again.
//
// Item registry labels: "Check 1 choice 2" (a choice's radio button), "Check 1 answer" (a numeric
// question's field), "Check 1" (its Check button).
#pragma once
#include <string>
#include <vector>

#include "lesson_runner.h"

namespace bplab {

class LessonChecksView {
 public:
  // Draws the open lesson's checks into the current window; nothing when it has none.
  void draw(lessons::LessonRunner& runner);

 private:
  std::string lesson_;         // the lesson the inputs below belong to
  std::vector<int> choice_;    // selected choice per check (−1: none)
  std::vector<std::string> typed_;  // a numeric check's field
};

}  // namespace bplab
