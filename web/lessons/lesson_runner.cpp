#include "lesson_runner.h"

#include "lesson_state.h"
#include "param_names.h"

namespace lessons {

using bp::Status;

LessonRunner::LessonRunner(Course course, Progress progress)
    : course_(std::move(course)), progress_(std::move(progress)) {}

bool LessonRunner::take_progress_changed() {
  const bool changed = progress_changed_;
  progress_changed_ = false;
  return changed;
}

void LessonRunner::reset_progress() {
  progress_.reset_all();
  progress_changed_ = true;
  close();
}

const Lesson* LessonRunner::lesson() const { return active() ? &course_.lessons[lesson_] : nullptr; }

const Step* LessonRunner::step() const { return active() ? &lesson()->steps[step_] : nullptr; }

Status LessonRunner::open(int lesson, lab::Lab* lab) {
  if (lesson < 0 || lesson >= int(course_.lessons.size())) return Status::error("no such lesson");
  lesson_ = lesson;
  const int steps = int(course_.lessons[lesson].steps.size());
  const int saved = progress_.of(course_.lessons[lesson].id).step;
  return enter(std::min(std::max(saved, 0), steps - 1), lab, true);
}

Status LessonRunner::open_at(int lesson, int step, lab::Lab* lab) {
  if (lesson < 0 || lesson >= int(course_.lessons.size())) return Status::error("no such lesson");
  const Lesson& l = course_.lessons[lesson];
  if (step < 0 || step >= int(l.steps.size())) return Status::error("no such step");
  lesson_ = lesson;
  if (progress_.of(l.id).completed < step) {
    LessonProgress p = progress_.of(l.id);
    p.completed = step;
    progress_.lessons[l.id] = p;
    progress_changed_ = true;
  }
  return enter(step, lab, true);
}

bp::Status LessonRunner::import_lesson(std::string_view text, const std::string& file, int* index) {
  const bp::Status s = lessons::import_lesson(text, file, &course_, index);
  if (s && *index == lesson_) close();
  return s;
}

void LessonRunner::close() {
  lesson_ = -1;
  step_ = 0;
  names_.clear();
  state_.clear();
  text_.clear();
  goal_.clear();
  task_error_.clear();
  answer_revealed_ = false;
}

bool LessonRunner::can_next() const {
  return active() && task_done_ && step_ + 1 < int(lesson()->steps.size());
}

Status LessonRunner::next(lab::Lab* lab) {
  if (!can_next()) return Status::error("the task of this step is not done yet");
  return enter(step_ + 1, lab, false);
}

Status LessonRunner::back(lab::Lab* lab) {
  if (!can_back()) return Status::error("this is the first step");
  return enter(step_ - 1, lab, true);
}

Status LessonRunner::go_to(int step, lab::Lab* lab) {
  if (!active() || step < 0 || step >= int(lesson()->steps.size()))
    return Status::error("no such step");
  if (step > progress_.of(lesson()->id).completed)
    return Status::error("step " + std::to_string(step + 1) + " is still locked");
  return enter(step, lab, true);
}

Status LessonRunner::restart_step(lab::Lab* lab) {
  if (!active()) return Status::error("no lesson is open");
  return enter(step_, lab, true);
}

bool LessonRunner::answer_check(int k, double value) {
  if (!active() || k < 0 || k >= int(lesson()->checks.size())) return false;
  const bool right = lesson()->checks[k].right(value);
  LessonProgress p = progress_.of(lesson()->id);
  p.checks.resize(lesson()->checks.size(), -1);
  p.checks[k] = right ? 1 : 0;
  progress_.lessons[lesson()->id] = p;
  progress_changed_ = true;
  return right;
}

int LessonRunner::check_result(int k) const {
  if (!active()) return -1;
  const std::vector<int> checks = progress_.of(lesson()->id).checks;
  return k >= 0 && k < int(checks.size()) ? checks[k] : -1;
}

void LessonRunner::set_answer(double value) {
  answered_ = true;
  answer_ = value;
}

void LessonRunner::clear_answer() {
  answered_ = false;
  answer_ = 0;
}

void LessonRunner::mark_completed(int steps) {
  LessonProgress p = progress_.of(lesson()->id);
  p.step = step_;
  p.completed = std::max(p.completed, steps);
  if (!(progress_.lessons.count(lesson()->id) && progress_.lessons[lesson()->id] == p)) {
    progress_.lessons[lesson()->id] = p;
    progress_changed_ = true;
  }
}

Status LessonRunner::enter(int step, lab::Lab* lab, bool rebuild) {
  step_ = step;
  clear_answer();
  task_error_.clear();
  Status result = Status::ok();
  if (rebuild) {
    int first = step;
    while (first > 0 && !lesson()->steps[first].setup) --first;
    for (int k = first; k <= step && result; ++k) result = apply_step(k, lab, k == first);
  } else {
    result = apply_step(step, lab, true);
  }
  const Step& s = *this->step();
  names_ = s.text.names();
  if (s.task) {
    const std::set<std::string> goal = s.task->goal.names();
    names_.insert(goal.begin(), goal.end());
    names_.insert(s.task->condition.names().begin(), s.task->condition.names().end());
    names_.insert(s.task->revealed_by.names().begin(), s.task->revealed_by.names().end());
  }
  const bool done_before = step_ < progress_.of(lesson()->id).completed;
  task_done_ = !s.task || done_before;
  mark_completed(s.task ? 0 : step_ + 1);
  update(lab);
  return result;
}

Status LessonRunner::apply_step(int k, lab::Lab* lab, bool with_setup) {
  const Step& s = lesson()->steps[k];
  const std::string where = lesson()->file + ": steps[" + std::to_string(k) + "]: ";
  if (with_setup && s.setup) {
    if (Status r = lab->apply(*s.setup); !r) return Status::error(where + "setup: " + r.message());
    lab->reset();
  }
  if (!s.data.empty())
    if (Status r = lab->import_csv(s.data, s.data_targets); !r)
      return Status::error(where + "data: " + r.message());
  if (!s.model.empty())
    if (Status r = lab->import_model(s.model); !r) return Status::error(where + "model: " + r.message());
  if (!s.select.empty()) {
    std::size_t k = 0;
    if (Status r = bp::find_param(lab->network(), s.select, &k); !r)
      return Status::error(where + "select: " + r.message());
    lab->inspector().select_param(k);  // a weight "w5" or a bias "b1.2"
    // A step that names a parameter starts its walk at the input, so nothing is revealed yet.
    lab->inspector().selection().step = 0;
  }
  if (s.sample >= 0) {
    if (s.sample >= lab->train_set().size())
      return Status::error(where + "sample: the training set has " +
                           std::to_string(lab->train_set().size()) + " samples");
    lab->inspector().selection().sample = s.sample;
  }
  return Status::ok();
}

void LessonRunner::update(lab::Lab* lab) {
  if (!active()) return;
  const Step& s = *step();
  state_ = lab_state(lab::snapshot(*lab, parts_read(names_)), answered_, answer_);
  text_ = s.text.render(state_);
  goal_ = s.task ? s.task->goal.render(state_) : std::string();
  answer_revealed_ = false;
  if (!s.task || task_done_) return;
  const std::string where = lesson()->file + ": steps[" + std::to_string(step_) + "].task.";
  if (!s.task->revealed_by.empty()) {
    if (Status r = s.task->revealed_by.holds(state_, &answer_revealed_); !r) {
      task_error_ = where + "revealed_by: " + r.message();
      return;
    }
  }
  bool holds = false;
  if (Status r = s.task->condition.holds(state_, &holds); !r) {
    task_error_ = where + "condition: " + r.message();
    return;
  }
  task_error_.clear();
  if (holds && !answer_revealed_) {
    task_done_ = true;
    mark_completed(step_ + 1);
  }
}

LessonRunner::Position LessonRunner::position() const {
  if (!active()) return {};
  return {lesson()->id, step_, int(lesson()->steps.size()), task_done_};
}

}  // namespace lessons
