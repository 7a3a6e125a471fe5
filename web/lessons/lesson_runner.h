// LessonRunner: the lesson mode of the app, without drawing. It knows the current lesson and
// step, puts the lab into each step's set-up, evaluates the step's task every frame, opens "Next"
// once the task has held, and records progress.
//
// Moving on with Next keeps the lab as the learner left it (so a step can continue the previous
// one's training) and applies only the new step's own set-up. Opening a lesson, going Back or
// restarting a step rebuilds the lab: the latest step at or before the target that has a "setup"
// is applied, then the data, model and selections of the steps after it.
#pragma once
#include <set>
#include <string>

#include "course.h"
#include "lab.h"
#include "progress.h"
#include "state_map.h"
#include "status.h"

namespace lessons {

class LessonRunner {
 public:
  LessonRunner(Course course, Progress progress);

  const Course& course() const { return course_; }
  const Progress& progress() const { return progress_; }
  // True once after each change of progress: the platform layer then stores progress().to_json().
  bool take_progress_changed();
  // Forgets the progress of every lesson and leaves lesson mode.
  void reset_progress();

  bool active() const { return lesson_ >= 0; }
  int lesson_index() const { return lesson_; }
  int step_index() const { return step_; }
  const Lesson* lesson() const;
  const Step* step() const;

  // Opens a lesson at the step where the learner left it. Errors name the lesson file and step
  // (a set-up that the lab refused); the step is shown anyway.
  bp::Status open(int lesson, lab::Lab* lab);
  // Opens a lesson at a step counted from 0, unlocking the steps before it: a link names the step
  // a teacher wants the class on, whatever the learner did before. Changes nothing when there
  // is no such lesson or step.
  bp::Status open_at(int lesson, int step, lab::Lab* lab);
  // Leaves lesson mode: the lab stays as it is, with no view or control restricted.
  void close();
  // Imports a teacher's lesson file into the course (lessons::import_lesson). When it replaces the
  // open lesson, that lesson is left, as its steps may have changed. *index: the lesson's index.
  bp::Status import_lesson(std::string_view text, const std::string& file, int* index);

  bool can_next() const;  // the current task has held (or there is none) and a step follows
  bool can_back() const { return active() && step_ > 0; }
  bp::Status next(lab::Lab* lab);
  bp::Status back(lab::Lab* lab);
  // Any step up to the furthest unlocked one.
  bp::Status go_to(int step, lab::Lab* lab);
  // The current step's set-up again, from scratch.
  bp::Status restart_step(lab::Lab* lab);

  // The open lesson's end-of-lesson check k (Lesson::checks, shown on its last step): records
  // whether `value` (a choice index, or the typed number) is right in progress; returns it.
  bool answer_check(int k, double value);
  // The recorded result of the open lesson's check k: -1 not answered, 0 wrong, 1 right.
  int check_result(int k) const;

  // The number typed into the task's field (`answer` in conditions).
  void set_answer(double value);
  void clear_answer();
  bool answered() const { return answered_; }
  double answer() const { return answer_; }

  // Once per frame: rebuilds the state, renders the texts, evaluates the task.
  void update(lab::Lab* lab);
  // The task held at some point during this visit of the step (or in an earlier visit).
  bool task_done() const { return task_done_; }
  // A typed task whose answer the lab already shows (its revealed_by holds): an answer typed now
  // does not count, and answer_refused() is true while one is typed.
  bool answer_revealed() const { return answer_revealed_; }
  bool answer_refused() const { return answer_revealed_ && answered_ && !task_done_; }
  // Why the condition could not be evaluated (empty normally).
  const std::string& task_error() const { return task_error_; }
  // The step's text and task goal with live values, as of the last update().
  const std::string& text() const { return text_; }
  const std::string& goal() const { return goal_; }
  const StateMap& state() const { return state_; }

  // Where the learner is, for window.lab.state(): id is empty outside a lesson.
  struct Position {
    std::string id;
    int step = 0, steps = 0;
    bool task_done = false;
  };
  Position position() const;

 private:
  bp::Status enter(int step, lab::Lab* lab, bool rebuild);
  bp::Status apply_step(int step, lab::Lab* lab, bool with_setup);
  void mark_completed(int steps);

  Course course_;
  Progress progress_;
  bool progress_changed_ = false;
  int lesson_ = -1;
  int step_ = 0;
  bool task_done_ = false;
  bool answer_revealed_ = false;
  std::string task_error_;
  bool answered_ = false;
  double answer_ = 0;
  std::set<std::string> names_;  // state keys the current step's expressions read
  StateMap state_;
  std::string text_, goal_;
};

}  // namespace lessons
