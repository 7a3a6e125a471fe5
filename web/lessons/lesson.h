// A guided lesson: an ordered list of steps, read from a JSON file in assets/lessons/ (the format
// is documented in docs/lessons.md). A step explains something, puts the lab into a set-up, and
// may give the learner a task: a condition on the live lab state that unlocks "Next".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "condition.h"
#include "settings.h"
#include "status.h"
#include "text_template.h"

namespace lessons {

struct Task {
  TextTemplate goal;    // what to do, imperative ("Drag w until e = 0.")
  Condition condition;  // unlocks Next when it holds
  // Shown one more per click of Hint, in stages: the idea, then the formula, then the numbers.
  std::vector<std::string> hints;
  std::string input;    // label of a number field whose value is `answer`; empty: no field
  // For a typed task: holds once the lab shows the answer (e.g. "inspector.step >= 3"). A typed
  // answer counts only while it does not hold: predict first, then step on and see it confirmed.
  // "false" for an answer no view of the step shows. Empty for tasks without a field.
  Condition revealed_by;
};

struct Step {
  std::string title;
  TextTemplate text;
  // Set-up, applied when the step is entered: settings (a URL hash, all keys not given take their
  // defaults), then custom data, then a model; the weights are re-initialised first.
  std::optional<lab::Settings> setup;
  std::string setup_hash;
  std::string data;          // CSV: x1,x2 and 1 … kMaxOutputs target columns; empty: none
  int data_targets = 0;      // target columns of `data`
  std::string model;         // model JSON (CLI format); empty: none
  std::string select;        // weight to select in the inspector ("w5"); empty: keep
  int sample = -1;           // training sample to inspect; −1: keep
  std::string widget;        // a dedicated view (widget_names()); empty: none
  double widget_min = -1, widget_max = 1;  // its horizontal range (w or θ)
  std::vector<std::string> show;  // views shown (view_names()); empty: all
  std::vector<std::string> lock;  // controls shown but disabled (lock_names())
  std::string highlight;          // label of a UI item to draw attention to; empty: none
  std::optional<Task> task;

  bool shows(std::string_view view) const;
  bool locks(std::string_view control) const;
};

// A question at the end of a lesson, aimed at a common mistake: multiple choice (choices, with
// the index of the right one) or numeric (number within tolerance). The explanation follows the
// learner's answer, right or wrong.
struct Check {
  std::string question;
  std::vector<std::string> choices;  // empty: a numeric question
  int answer = -1;                   // index into choices
  double number = 0, tolerance = 0;  // a numeric question's answer
  std::string explain;
  bool numeric() const { return choices.empty(); }
  bool right(double value) const;  // a choice index, or the typed number
};

struct Lesson {
  std::string file;  // the file it was read from, for messages
  std::string id;    // stable key for progress ("guessing-a-weight")
  std::string title;
  std::string summary;
  std::vector<Step> steps;
  std::vector<Check> checks;  // shown on the last step
};

// The names a lesson may use.
const std::vector<std::string>& widget_names();  // weight_slider, sigmoid_plot, error_curve
const std::vector<std::string>& view_names();    // network, boundary, loss_curve, inspector, …
const std::vector<std::string>& lock_names();    // the lab's control groups and "training"

// Parses and validates a lesson file's text. `file` names it in every message:
// "<file>: steps[2].task.condition: position 12: …". On error *out is untouched.
bp::Status parse_lesson(std::string_view text, const std::string& file, Lesson* out);

}  // namespace lessons
