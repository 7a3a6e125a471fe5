#include "lesson_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "answer_text.h"
#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"
#include "lesson_widgets.h"
#include "platform_services.h"
#include "wrapped_text.h"

namespace bplab {
namespace {

// The storage key of the progress record (localStorage on the web, a file natively).
constexpr const char* kProgressKey = "bplab-progress";
// The storage key of the imported lesson files (lessons::imported_to_json).
constexpr const char* kImportedKey = "bplab-imported-lessons";

const ImVec4 kTitleColour(1.0f, 0.84f, 0.35f, 1.0f);
const ImVec4 kTaskColour(0.55f, 0.8f, 1.0f, 1.0f);
const ImVec4 kDoneColour(0.47f, 0.86f, 0.47f, 1.0f);
const ImVec4 kErrorColour(1.0f, 0.45f, 0.4f, 1.0f);
const ImVec4 kHintColour(0.78f, 0.78f, 0.7f, 1.0f);

// Right-aligns the next item of width w on the current line.
void align_right(float w) {
  const float x = ImGui::GetWindowContentRegionMax().x - w;
  if (x > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(x);
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

}  // namespace

void LessonPanel::init(const std::string& dir) {
  lessons::Progress progress;
  const std::string stored = platform::storage_get(kProgressKey);
  if (!stored.empty()) {
    if (const bp::Status s = lessons::Progress::from_json(stored, &progress); !s)
      error_ = "The stored lesson progress could not be read (" + s.message() + "); it starts afresh.";
  }
  lessons::Course course = lessons::load_course(dir);
  std::vector<lessons::ImportedFile> imported;
  if (const std::string stored_files = platform::storage_get(kImportedKey); !stored_files.empty())
    if (const bp::Status s = lessons::imported_from_json(stored_files, &imported); !s)
      course.errors.push_back(s.message());
  for (const lessons::ImportedFile& f : imported) {
    int index;
    if (const bp::Status s = lessons::import_lesson(f.text, f.file, &course, &index); !s)
      course.errors.push_back(s.message());
  }
  runner_.emplace(std::move(course), std::move(progress));
}

void LessonPanel::load_link_files(const std::vector<std::string>& urls, const std::string& lesson, int step) {
  for (const std::string& url : urls) {
    link_files_.push_back(url);
    platform::fetch_file(platform::FilePurpose::Lesson, url);
  }
  link_lesson_ = lesson;
  link_step_ = step;
}

void LessonPanel::import_arrived_files(UiContext& ui) {
  platform::OpenedFile file;
  while (runner_ && platform::poll_opened_lesson(&file)) {
    const auto from_link = std::find(link_files_.begin(), link_files_.end(), file.name);
    const bool linked = from_link != link_files_.end();
    if (linked) link_files_.erase(from_link);
    if (!file.error.empty())
      ui.error = error_ = file.error;
    else
      import_file(file.name, file.content, !linked, ui);
    if (!linked || !link_files_.empty() || link_lesson_.empty()) continue;
    if (const bp::Status found = check_link(link_lesson_, link_step_); found)
      open_link(link_lesson_, link_step_, ui);
    else
      ui.notice = "The link's lesson could not be opened (" + found.message() + ").";
    link_lesson_.clear();
  }
}

void LessonPanel::import_file(const std::string& name, const std::string& text, bool open, UiContext& ui) {
  int index = -1;
  if (const bp::Status s = runner_->import_lesson(text, name, &index); !s) {
    ui.error = error_ = s.message();
    return;
  }
  platform::storage_set(kImportedKey, lessons::imported_to_json(runner_->course().imported));
  error_.clear();
  ui.error.clear();
  ui.notice = "Imported the lesson \"" + runner_->course().lessons[index].title + "\" from " + name + ".";
  if (open) report(runner_->open(index, &ui.lab));
}

bool LessonPanel::open(const std::string& id, UiContext& ui) {
  const int index = runner_ ? runner_->course().find(id) : -1;
  if (index < 0) return false;
  report(runner_->open(index, &ui.lab));
  return true;
}

bool LessonPanel::open_first(UiContext& ui) {
  if (!runner_ || runner_->course().lessons.empty()) return false;
  report(runner_->open(0, &ui.lab));
  return true;
}

bp::Status LessonPanel::check_link(const std::string& id, int step) const {
  const int index = runner_ ? runner_->course().find(id) : -1;
  if (index < 0) return bp::Status::error("there is no lesson \"" + id.substr(0, 40) + "\"");
  const int steps = int(runner_->course().lessons[index].steps.size());
  if (step > steps)
    return bp::Status::error("lesson \"" + id + "\" has " + std::to_string(steps) + " steps, not " +
                             std::to_string(step));
  return bp::Status::ok();
}

void LessonPanel::open_link(const std::string& id, int step, UiContext& ui) {
  const int index = runner_ ? runner_->course().find(id) : -1;
  report(step > 0 ? runner_->open_at(index, step - 1, &ui.lab) : runner_->open(index, &ui.lab));
}

void LessonPanel::report(const bp::Status& status) {
  error_ = status ? std::string() : status.message();
  save_progress();
}

void LessonPanel::save_progress() {
  if (runner_ && runner_->take_progress_changed())
    platform::storage_set(kProgressKey, runner_->progress().to_json());
}

void LessonPanel::update(UiContext& ui) {
  ui.locked_controls = 0;
  ui.training_locked = false;
  if (!runner_) return;
  runner_->update(&ui.lab);
  save_progress();

  const int lesson = runner_->lesson_index();
  const int step = active() ? runner_->step_index() : -1;
  if (lesson != seen_lesson_ || step != seen_step_) {
    // A fresh step starts with an empty field and the hints hidden; the Details tab follows the
    // view a step names (left out, "show" means every view, which asks for none in particular).
    answer_[0] = '\0';
    hints_shown_ = 0;
    if (lesson < 0) {
      tab_request_ = "Lessons";
    } else if (const lessons::Step& s = *runner_->step(); !s.show.empty()) {
      if (s.shows("inspector"))
        tab_request_ = "Inspector";
      else if (s.shows("graph"))
        tab_request_ = "Graph";
      else if (s.shows("update_sizes"))
        tab_request_ = "Weights";
    }
    seen_lesson_ = lesson;
    seen_step_ = step;
  }
  if (!active()) return;
  const lessons::Step& s = *runner_->step();
  for (const lab::ControlInfo& c : lab::control_names())
    if (s.locks(c.name)) ui.locked_controls |= c.control;
  ui.training_locked = s.locks("training");
  // Locked training means the lab does not train at all, not only that Play cannot be pressed.
  if (ui.training_locked) ui.lab.set_running(false);
}

bool LessonPanel::shows(const char* view) const { return !active() || runner_->step()->shows(view); }

std::string LessonPanel::widget() const { return active() ? runner_->step()->widget : std::string(); }

const char* LessonPanel::widget_title() const { return lesson_widget_title(widget()); }

const char* LessonPanel::take_tab_request() {
  const char* tab = tab_request_;
  tab_request_ = nullptr;
  return tab;
}

lessons::LessonRunner::Position LessonPanel::position() const {
  return runner_ ? runner_->position() : lessons::LessonRunner::Position{};
}

void LessonPanel::draw_list(UiContext& ui) {
  if (!runner_) return;
  lessons::LessonRunner& r = *runner_;
  const lessons::Course& course = r.course();
  ImGui::PushTextWrapPos(0);
  if (!active() && !error_.empty()) text_wrapped(kErrorColour, error_);
  for (const std::string& e : course.errors) text_wrapped(kErrorColour, e);
  if (course.lessons.empty()) ImGui::TextDisabled("No lessons were found.");
  ImGui::PopTextWrapPos();

  // The buttons come before the list, so that they stay in sight however long the list grows
  // (beside an open lesson the tab is short).
  if (!platform::has_file_picker()) {
    ImGui::InputText("Lesson file", import_path_, sizeof import_path_);
    item_registry::record("Lesson file");
  }
  if (named_button("Import lesson")) platform::open_file(platform::FilePurpose::Lesson, import_path_);
  help_marker("Add a lesson file of your own (docs/lessons.md) to this list and open it. It is kept "
              "for your next visits. Importing a file with the same id again replaces the lesson, "
              "so you can edit it and see the change at once.");
  ImGui::SameLine();
  if (named_button("Reset progress")) ImGui::OpenPopup("Reset lesson progress?");
  help_marker("Forget which steps of every lesson are done and where each lesson was left. "
              "The lab itself stays as it is.");
  if (ImGui::BeginPopupModal("Reset lesson progress?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Forget the progress of every lesson?");
    if (named_button("Yes, reset")) {
      r.reset_progress();
      save_progress();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (named_button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::Spacing();

  for (int k = 0; k < int(course.lessons.size()); ++k) {
    const lessons::Lesson& lesson = course.lessons[k];
    const int steps = int(lesson.steps.size());
    const int done = std::min(r.progress().of(lesson.id).completed, steps);
    char progress[32];
    std::snprintf(progress, sizeof progress, done == steps ? "%d/%d ✓" : "%d/%d", done, steps);
    const float progress_w = ImGui::CalcTextSize("00/00 ✓").x;
    const std::string label = lesson.title + "##lesson " + std::to_string(k);
    const float w = ImGui::GetContentRegionAvail().x - progress_w - ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::Selectable(label.c_str(), k == r.lesson_index(), 0, ImVec2(std::max(w, 50.0f), 0)) &&
        k != r.lesson_index())
      report(r.open(k, &ui.lab));
    const std::string name = "Lesson " + std::to_string(k + 1);
    item_registry::record(name.c_str());
    if (!lesson.summary.empty() && ImGui::BeginItemTooltip()) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
      text_wrapped(lesson.summary);
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::SameLine();
    if (done == steps)
      ImGui::TextColored(kDoneColour, "%s", progress);
    else
      ImGui::TextDisabled("%s", progress);
  }
}

void LessonPanel::draw_step(UiContext& ui) {
  if (!active()) return;
  lessons::LessonRunner& r = *runner_;
  const lessons::Lesson& lesson = *r.lesson();
  const lessons::Step& step = *r.step();
  const int steps = int(lesson.steps.size());
  const bool has_input = step.task && !step.task->input.empty();

  // Header: the lesson, where in it the learner is, and the way back to the list.
  ImGui::TextUnformatted(lesson.title.c_str());
  ImGui::SameLine();
  align_right(button_width("All lessons"));
  if (named_button("All lessons")) {
    r.close();
    return;
  }
  ImGui::TextDisabled("%s · step %d of %d", lesson.id.c_str(), r.step_index() + 1, steps);
  ImGui::Separator();

  // The text scrolls; the answer field and the buttons stay at the bottom.
  const float footer = ImGui::GetFrameHeightWithSpacing() * (has_input ? 2.0f : 1.0f) +
                       ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("step text", ImVec2(0, -footer));
  ImGui::PushTextWrapPos(0);
  if (!error_.empty()) text_wrapped(kErrorColour, error_);
  text_wrapped(kTitleColour, step.title);
  text_wrapped(r.text());
  if (step.task) {
    ImGui::Spacing();
    if (r.task_done())
      text_wrapped(kDoneColour, "✓ done: " + r.goal());
    else
      text_wrapped(kTaskColour, "Task: " + r.goal());
    if (!r.task_error().empty()) text_wrapped(kErrorColour, r.task_error());
    const int stages = int(step.task->hints.size());
    for (int k = 0; k < std::min(hints_shown_, stages); ++k)
      text_wrapped(kHintColour, (stages > 1 ? "Hint " + std::to_string(k + 1) + ": " : std::string("Hint: ")) +
                                    step.task->hints[k]);
  } else if (r.step_index() + 1 == steps) {
    ImGui::Spacing();
    ImGui::TextColored(kDoneColour, "✓ End of the lesson. Pick the next one under “All lessons”.");
  }
  if (r.step_index() + 1 == steps) checks_.draw(r);
  ImGui::PopTextWrapPos();
  ImGui::EndChild();

  if (has_input) {
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s =", step.task->input.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputText("##answer", answer_, sizeof answer_, ImGuiInputTextFlags_CharsScientific);
    item_registry::record("Answer");
    double value = 0;
    if (parse_answer(answer_, &value)) {
      r.set_answer(value);
    } else {
      r.clear_answer();
      if (answer_[0] != '\0') {
        ImGui::SameLine();
        ImGui::TextColored(kErrorColour, "not a number");
      }
    }
    help_marker("Type a number (e.g. 0.3775 or 3.5e-4); the task is checked as you type. Predict "
                "first: an answer counts only while the lab does not show it yet.");
    if (r.answer_refused()) {
      ImGui::SameLine();
      ImGui::TextColored(kErrorColour, "step back: the lab already shows it");
    }
  }

  ImGui::BeginDisabled(!r.can_back());
  if (named_button("Previous")) report(r.back(&ui.lab));
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (named_button("Restart step")) {
    report(r.restart_step(&ui.lab));
    answer_[0] = '\0';
  }
  if (step.task) {
    ImGui::SameLine();
    // Each click shows the next stage (idea, formula, numbers); after the last it hides them.
    const bool all_shown = hints_shown_ >= int(step.task->hints.size());
    if (named_button(all_shown ? "Hide hints" : "Hint")) show_next_hint();
    help_marker("Each click shows one more hint: first the idea, then the formula, then the numbers.");
  }
  ImGui::SameLine();
  const bool can_next = r.can_next();
  align_right(button_width("Next"));
  // Next turns green once the task has held, so "done" is visible where the learner clicks.
  ImGui::PushStyleColor(ImGuiCol_Button, can_next ? ImVec4(0.2f, 0.55f, 0.25f, 1.0f)
                                                  : ImGui::GetStyleColorVec4(ImGuiCol_Button));
  ImGui::BeginDisabled(!can_next);
  if (named_button("Next")) report(r.next(&ui.lab));
  ImGui::EndDisabled();
  ImGui::PopStyleColor();
}

void LessonPanel::show_next_hint() {
  const bool all_shown = hints_shown_ >= int(runner_->step()->task->hints.size());
  hints_shown_ = all_shown ? 0 : hints_shown_ + 1;
}

LessonPanel::View LessonPanel::view() const {
  View v;
  if (!active()) return v;
  const lessons::LessonRunner& r = *runner_;
  const lessons::Lesson& lesson = *r.lesson();
  const lessons::Step& step = *r.step();
  v.lesson_id = lesson.id;
  v.lesson_title = lesson.title;
  v.step_title = step.title;
  v.text = r.text();
  v.error = error_;
  v.step = r.step_index();
  v.steps = int(lesson.steps.size());
  v.can_back = r.can_back();
  v.can_next = r.can_next();
  if (!step.task) return v;
  v.has_task = true;
  v.goal = r.goal();
  v.task_done = r.task_done();
  v.task_error = r.task_error();
  const int stages = int(step.task->hints.size());
  v.hints.assign(step.task->hints.begin(), step.task->hints.begin() + std::min(hints_shown_, stages));
  v.all_hints_shown = hints_shown_ >= stages;
  v.answer_label = step.task->input;
  v.answer = answer_;
  v.answer_refused = r.answer_refused();
  return v;
}

void LessonPanel::act(Action action, UiContext& ui) {
  if (!active()) return;
  lessons::LessonRunner& r = *runner_;
  switch (action) {
    case Action::Back:
      if (r.can_back()) report(r.back(&ui.lab));
      break;
    case Action::Hint:
      if (r.step()->task) show_next_hint();
      break;
    case Action::Next:
      if (r.can_next()) report(r.next(&ui.lab));
      break;
    case Action::Restart:
      report(r.restart_step(&ui.lab));
      answer_[0] = '\0';
      break;
  }
}

void LessonPanel::set_answer_text(const std::string& text) {
  const size_t n = std::min(text.size(), sizeof answer_ - 1);
  text.copy(answer_, n);
  answer_[n] = '\0';
}

void LessonPanel::draw_widget(UiContext& ui) {
  if (!active() || runner_->step()->widget.empty()) return;
  const lessons::Step& s = *runner_->step();
  const bool asks_number = s.task && !s.task->input.empty() && !runner_->task_done();
  draw_lesson_widget(s.widget, s.widget_min, s.widget_max, !asks_number, ui);
}

void LessonPanel::draw_highlight() const {
  if (!active() || runner_->step()->highlight.empty()) return;
  const auto rect = item_registry::find(runner_->step()->highlight);
  if (!rect) return;
  // Pulses once every 1.2 s: t = ½ + ½·sin(2π·time / 1.2) grows the outline and its opacity.
  // A learner who asked the system for reduced motion gets the outline at its fullest, still.
  const float t = platform::prefers_reduced_motion()
                      ? 1.0f
                      : 0.5f + 0.5f * std::sin(float(ImGui::GetTime()) * 6.2831853f / 1.2f);
  const ImU32 colour = IM_COL32(255, 200, 40, int(110 + 145 * t));
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  // Probe points (a weight in the diagram) are a few pixels wide: ring them instead.
  if (rect->w < 12 && rect->h < 12) {
    dl->AddCircle(ImVec2(rect->x + rect->w / 2, rect->y + rect->h / 2), 10 + 5 * t, colour, 0, 2.5f);
    return;
  }
  const float pad = 2 + 3 * t;
  dl->AddRect(ImVec2(rect->x - pad, rect->y - pad), ImVec2(rect->x + rect->w + pad, rect->y + rect->h + pad),
              colour, 4.0f, 0, 2.5f);
}

}  // namespace bplab
