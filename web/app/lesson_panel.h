// The guided lessons in the app (docs/lessons.md). LessonRunner (web/lessons) owns the logic:
// the course, progress, set-ups and task conditions. This panel draws it and applies a step's
// restrictions to the rest of the UI:
//   - the "Lessons" tab: every lesson with its progress ("3/7", "7/7 ✓"), "Import lesson" (a
//     teacher's own file, kept in storage and loaded again at start), "Reset progress";
//   - the "Lesson" window: the step's text with live values, the task and its state, a hint on
//     request, the answer field, Previous / Restart step / Next (Next opens once the task held);
//   - the step's widget (lesson_widgets.h) in a window of its own;
//   - an animated outline around the item the step highlights (found in the item registry);
//   - which views are shown, and which control groups are locked (UiContext's lock mask).
// Progress is loaded from platform storage at start and stored whenever it changes.
//
// Item registry labels: "Lesson 1" … (the list), "Reset progress", "Yes, reset", "Previous",
// "Restart step", "Hint", "Next", "Answer", "All lessons", "Import lesson", "Lesson file" (natively),
// plus the widgets' own.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "lesson_checks.h"
#include "lesson_runner.h"
#include "ui_context.h"

namespace bplab {

class LessonPanel {
 public:
  // Loads every lesson file of `dir` and the stored progress (a damaged record starts afresh).
  void init(const std::string& dir);
  // Opens the lesson with this id where the learner left it; false when there is none.
  bool open(const std::string& id, UiContext& ui);
  // Opens the course's first lesson where the learner left it; false when there is none.
  bool open_first(UiContext& ui);
  // Whether a link's lesson exists and has the step (counted from 1; 0: where the learner left
  // it); the message names what is missing.
  bp::Status check_link(const std::string& id, int step) const;
  // Opens a lesson the way a link asks (check_link first), unlocking the steps before the step.
  void open_link(const std::string& id, int step, UiContext& ui);

  // A link's lesson files (url_hash.h: lessons=) are fetched and imported as they arrive; then the
  // link's lesson, if it names one, is opened at its step (counted from 1; 0: where it was left).
  void load_link_files(const std::vector<std::string>& urls, const std::string& lesson, int step);
  // Once per frame: imports the lesson files that arrived (picked, typed or fetched). A file with
  // the id of an imported lesson replaces it; a bad file or the id of a shipped lesson is reported
  // (ui.error) and the course stays as it was. A picked file's lesson opens at once.
  void import_arrived_files(UiContext& ui);

  // Once per frame before the views are drawn: evaluates the task, stores changed progress and
  // sets ui's lock mask (all clear outside a lesson). Locked training also stops Play.
  void update(UiContext& ui);

  bool active() const { return runner_ && runner_->active(); }
  // Whether the current step shows a view (lessons::view_names()); every view outside a lesson.
  bool shows(const char* view) const;
  // The current step's widget, or empty.
  std::string widget() const;
  const char* widget_title() const;

  // The contents of the "Lessons" tab, the "Lesson" window and the widget window.
  void draw_list(UiContext& ui);
  void draw_step(UiContext& ui);
  void draw_widget(UiContext& ui);
  // The outline around the highlighted item, on top of everything; call after
  // item_registry::end_frame() so it uses this frame's rectangles.
  void draw_highlight() const;

  // The Details tab to bring to the front this frame ("Inspector", "Weights", "Lessons"), once,
  // after a lesson was opened, a step entered or the lesson left; nullptr otherwise.
  const char* take_tab_request();

  // Where the learner is, for window.lab.state().lesson.
  lessons::LessonRunner::Position position() const;

  // What the "Lesson" window shows, as data: the page's DOM layer for screen readers and the
  // keyboard reads it (LabApp::lesson_view, web_bridge.cpp). Empty lesson_id: no open lesson.
  struct View {
    std::string lesson_id, lesson_title, step_title, text, goal, task_error, error;
    int step = 0, steps = 0;  // step counted from 0
    bool has_task = false, task_done = false;
    std::vector<std::string> hints;  // the hints shown so far
    bool all_hints_shown = false;    // the Hint button then hides them ("Hide hints")
    std::string answer_label;        // the answer field's name ("θ_h1"); empty: no field
    std::string answer;              // the field's text
    bool answer_refused = false;     // typed while the lab already shows the answer
    bool can_back = false, can_next = false;
  };
  View view() const;
  // The Lesson window's buttons, for the DOM layer: Previous, Hint, Next, Restart step.
  enum class Action { Back, Hint, Next, Restart };
  void act(Action action, UiContext& ui);
  // Replaces the answer field's text (typed in the DOM layer); the next draw_step() checks it.
  void set_answer_text(const std::string& text);

 private:
  // Writes the progress where it persists (localStorage, a file natively) if it changed. Called
  // after every action that can change it, so storage never lags behind what the panel shows.
  void save_progress();
  // Shows why a navigation went wrong (a set-up the lab refused); clears the message otherwise.
  // Then saves the progress the navigation changed.
  void report(const bp::Status& status);
  // Hint shows one more stage (idea, formula, numbers); after the last it hides them all.
  void show_next_hint();
  void import_file(const std::string& name, const std::string& text, bool open, UiContext& ui);

  std::optional<lessons::LessonRunner> runner_;
  std::string error_;
  int hints_shown_ = 0;  // hint stages shown so far (Hint shows one more per click)
  LessonChecksView checks_;  // the end-of-lesson checks on a lesson's last step
  char answer_[64] = "";
  // The step seen by the last update(), to notice entering another one.
  int seen_lesson_ = -1, seen_step_ = -1;
  const char* tab_request_ = nullptr;
  std::vector<std::string> link_files_;  // fetched for a link and not arrived yet
  std::string link_lesson_;              // the link's lesson, opened once they have
  int link_step_ = 0;
  char import_path_[512] = "";           // natively: the path of a lesson file to import
};

}  // namespace bplab
