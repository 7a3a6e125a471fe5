// parse_lesson: reads and validates one lesson file. Every check runs here, at load time, so a
// teacher's mistake is reported with its file and place before any learner meets it.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "csv.h"
#include "input_limits.h"
#include "json_error.h"
#include "lesson.h"
#include "lesson_state.h"
#include "model_io.h"
#include "url_hash.h"

namespace lessons {

using bp::Status;
using json = nlohmann::json;

namespace {

// Hint stages a task may have: the idea, the formula, the numbers, and room for two more.
constexpr std::size_t kMaxHints = 5;
// End-of-lesson checks: a few questions, each with a few choices.
constexpr std::size_t kMaxChecks = 6, kMaxChoices = 6;

// Where a value sits: the file and the JSON path inside it, for messages
// ("05-backprop.json: steps[2].task.condition: …").
struct Place {
  std::string file;
  std::string path;
  Place operator/(const std::string& key) const { return {file, path.empty() ? key : path + "." + key}; }
  Place operator[](std::size_t k) const { return {file, path + "[" + std::to_string(k) + "]"}; }
  std::string operator+(const std::string& message) const {
    return file + ": " + (path.empty() ? "" : path + ": ") + message;
  }
};

Status unknown_keys(const json& object, const Place& where,
                    const std::vector<std::string>& allowed) {
  for (auto it = object.begin(); it != object.end(); ++it)
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Status::error(where + ("unknown key \"" + it.key().substr(0, 40) + "\" (known: " + list + ")"));
    }
  return Status::ok();
}

// *out = object[key] as text; a missing key is an error only when required.
Status text_field(const json& object, const char* key, const Place& where, bool required,
                  std::string* out) {
  const auto it = object.find(key);
  if (it == object.end())
    return required ? Status::error(where + ("missing \"" + std::string(key) + "\"")) : Status::ok();
  if (!it->is_string()) return Status::error(where / key + "expected text");
  *out = it->get<std::string>();
  if (required && out->empty()) return Status::error(where / key + "must not be empty");
  return Status::ok();
}

Status name_list(const json& object, const char* key, const Place& where,
                 const std::vector<std::string>& allowed, std::vector<std::string>* out) {
  const auto it = object.find(key);
  if (it == object.end()) return Status::ok();
  if (!it->is_array()) return Status::error(where / key + "expected a list of names");
  for (std::size_t k = 0; k < it->size(); ++k) {
    const json& name = (*it)[k];
    const Place at = (where / key)[k];
    if (!name.is_string()) return Status::error(at + "expected a name");
    if (std::find(allowed.begin(), allowed.end(), name.get<std::string>()) == allowed.end()) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Status::error(at + ("unknown \"" + name.get<std::string>().substr(0, 40) + "\" (known: " + list + ")"));
    }
    out->push_back(name.get<std::string>());
  }
  return Status::ok();
}

// Target columns of a lesson's CSV: all columns of the header after x1 and x2.
int csv_targets(const std::string& csv) {
  const std::string header = csv.substr(0, csv.find('\n'));
  return int(std::count(header.begin(), header.end(), ',')) - 1;
}

// "hint": one text, or "hints": a list shown one more per click (idea, formula, numbers).
Status parse_hints(const json& t, const Place& where, std::vector<std::string>* out) {
  const auto one = t.find("hint"), many = t.find("hints");
  if ((one == t.end()) == (many == t.end()))
    return Status::error(where + "expected \"hint\" (one text) or \"hints\" (a list), not both");
  if (one != t.end()) {
    std::string hint;
    if (Status s = text_field(t, "hint", where, true, &hint); !s) return s;
    out->push_back(hint);
    return Status::ok();
  }
  if (!many->is_array() || many->empty() || many->size() > kMaxHints)
    return Status::error(where / "hints" + ("expected a list of 1 … " + std::to_string(kMaxHints) + " texts"));
  for (std::size_t k = 0; k < many->size(); ++k) {
    const json& h = (*many)[k];
    if (!h.is_string() || h.get<std::string>().empty())
      return Status::error((where / "hints")[k] + "expected a non-empty text");
    out->push_back(h.get<std::string>());
  }
  return Status::ok();
}

// "revealed_by": a condition, or {"inspector_step": N} for "inspector.step >= N". The task's own
// condition must not read what the reveal reads: a condition that needs the answer on screen
// (inspector.step >= 3) would make the learner copy it instead of predicting it.
Status parse_revealed_by(const json& t, const Place& where, Task* task) {
  const auto r = t.find("revealed_by");
  if (task->input.empty()) {
    if (r != t.end()) return Status::error(where / "revealed_by" + "only a task with \"input\" has one");
    return Status::ok();
  }
  if (r == t.end())
    return Status::error(where + "a typed task needs \"revealed_by\": what makes the lab show its answer "
                                 "(\"false\" when no view of the step shows it)");
  std::string text;
  if (r->is_string()) {
    text = r->get<std::string>();
  } else if (r->is_object() && r->size() == 1 && r->contains("inspector_step") &&
             (*r)["inspector_step"].is_number_integer() && (*r)["inspector_step"].get<long long>() >= 0 &&
             (*r)["inspector_step"].get<long long>() < 1000) {
    text = "inspector.step >= " + std::to_string((*r)["inspector_step"].get<long long>());
  } else {
    return Status::error(where / "revealed_by" + "expected a condition or {\"inspector_step\": N}");
  }
  if (Status s = Condition::parse(text, &task->revealed_by); !s)
    return Status::error(where / "revealed_by" + s.message());
  if (Status s = task->revealed_by.check(state_schema(), true); !s)
    return Status::error(where / "revealed_by" + s.message());
  for (const std::string& name : task->revealed_by.names())
    if (task->condition.names().count(name))
      return Status::error(where / "condition" + ("reads " + name + ", which reveals the answer (revealed_by: " +
                           task->revealed_by.text() + "); a typed answer must count before the lab shows it"));
  return Status::ok();
}

Status parse_task(const json& t, const Place& where, Task* out) {
  if (!t.is_object()) return Status::error(where + "expected an object");
  if (Status s = unknown_keys(t, where, {"goal", "condition", "hint", "hints", "input", "revealed_by"}); !s)
    return s;
  Task task;
  std::string goal, condition;
  if (Status s = text_field(t, "goal", where, true, &goal); !s) return s;
  if (Status s = TextTemplate::parse(goal, state_schema(), &task.goal); !s)
    return Status::error(where / "goal" + s.message());
  if (Status s = text_field(t, "condition", where, true, &condition); !s) return s;
  if (Status s = Condition::parse(condition, &task.condition); !s)
    return Status::error(where / "condition" + s.message());
  if (Status s = task.condition.check(state_schema(), true); !s)
    return Status::error(where / "condition" + s.message());
  if (Status s = parse_hints(t, where, &task.hints); !s) return s;
  if (Status s = text_field(t, "input", where, false, &task.input); !s) return s;
  if (Status s = parse_revealed_by(t, where, &task); !s) return s;
  *out = std::move(task);
  return Status::ok();
}

Status parse_check(const json& c, const Place& where, Check* out) {
  if (!c.is_object()) return Status::error(where + "expected an object");
  if (Status s = unknown_keys(c, where, {"question", "choices", "answer", "number", "tolerance", "explain"}); !s)
    return s;
  Check check;
  if (Status s = text_field(c, "question", where, true, &check.question); !s) return s;
  if (Status s = text_field(c, "explain", where, true, &check.explain); !s) return s;
  if (const auto ch = c.find("choices"); ch != c.end()) {
    if (c.contains("number") || c.contains("tolerance"))
      return Status::error(where + "a question has \"choices\" and \"answer\", or \"number\" and \"tolerance\"");
    if (!ch->is_array() || ch->size() < 2 || ch->size() > kMaxChoices)
      return Status::error(where / "choices" + ("expected a list of 2 … " + std::to_string(kMaxChoices) + " texts"));
    for (std::size_t k = 0; k < ch->size(); ++k) {
      if (!(*ch)[k].is_string() || (*ch)[k].get<std::string>().empty())
        return Status::error((where / "choices")[k] + "expected a non-empty text");
      check.choices.push_back((*ch)[k].get<std::string>());
    }
    const auto a = c.find("answer");
    if (a == c.end() || !a->is_number_integer() || a->get<long long>() < 0 ||
        a->get<long long>() >= (long long)check.choices.size())
      return Status::error(where / "answer" + ("expected the index of the right choice, 0 … " +
                           std::to_string(check.choices.size() - 1)));
    check.answer = a->get<int>();
  } else {
    if (c.contains("answer")) return Status::error(where / "answer" + "only a question with \"choices\" has one");
    const auto n = c.find("number"), t = c.find("tolerance");
    if (n == c.end() || !n->is_number() || !std::isfinite(n->get<double>()))
      return Status::error(where + "expected \"choices\" and \"answer\", or a finite \"number\" and \"tolerance\"");
    if (t == c.end() || !t->is_number() || !(t->get<double>() >= 0) || !std::isfinite(t->get<double>()))
      return Status::error(where / "tolerance" + "expected a number ≥ 0");
    check.number = n->get<double>();
    check.tolerance = t->get<double>();
  }
  *out = std::move(check);
  return Status::ok();
}

Status parse_step(const json& j, const Place& where, Step* out) {
  if (!j.is_object()) return Status::error(where + "expected an object");
  if (Status s = unknown_keys(j, where, {"title", "text", "setup", "data", "model", "select", "sample",
                                         "widget", "widget_range", "show", "lock", "highlight", "task"});
      !s)
    return s;
  Step step;
  std::string text;
  if (Status s = text_field(j, "title", where, true, &step.title); !s) return s;
  if (Status s = text_field(j, "text", where, true, &text); !s) return s;
  if (Status s = TextTemplate::parse(text, state_schema(), &step.text); !s)
    return Status::error(where / "text" + s.message());
  if (j.contains("setup")) {
    if (Status s = text_field(j, "setup", where, false, &step.setup_hash); !s) return s;
    lab::Settings settings;
    if (Status s = lab::decode_hash(step.setup_hash, &settings); !s)
      return Status::error(where / "setup" + s.message());
    step.setup = settings;
  }
  if (Status s = text_field(j, "data", where, false, &step.data); !s) return s;
  if (!step.data.empty()) {
    step.data_targets = csv_targets(step.data);
    if (step.data_targets < 1 || step.data_targets > lab::kMaxOutputs)
      return Status::error(where / "data" + ("the header needs x1, x2 and 1 … " +
                           std::to_string(lab::kMaxOutputs) + " target columns"));
    bp::Dataset data;
    if (Status s = bp::parse_csv(step.data, 2, step.data_targets, &data); !s)
      return Status::error(where / "data" + s.message());
  }
  if (const auto m = j.find("model"); m != j.end()) {
    if (!m->is_object()) return Status::error(where / "model" + "expected a model object");
    step.model = m->dump();
    bp::Network net;
    if (Status s = bp::model_from_json(step.model, &net); !s)
      return Status::error(where / "model" + s.message());
  }
  if (Status s = text_field(j, "select", where, false, &step.select); !s) return s;
  if (!step.select.empty() &&
      (step.select.size() < 2 || step.select[0] != 'w' || step.select[1] == '0' ||
       step.select.find_first_not_of("0123456789", 1) != std::string::npos))
    return Status::error(where / "select" + "expected a weight name such as \"w5\"");
  if (const auto sm = j.find("sample"); sm != j.end()) {
    if (!sm->is_number_integer() || sm->get<long long>() < 0 || sm->get<long long>() >= lab::kMaxLabSamples)
      return Status::error(where / "sample" + "expected a sample index ≥ 0");
    step.sample = sm->get<int>();
  }
  if (Status s = text_field(j, "widget", where, false, &step.widget); !s) return s;
  if (!step.widget.empty() &&
      std::find(widget_names().begin(), widget_names().end(), step.widget) == widget_names().end())
    return Status::error(where / "widget" + ("unknown \"" + step.widget.substr(0, 40) +
                         "\" (known: weight_slider, sigmoid_plot, error_curve)"));
  if (const auto r = j.find("widget_range"); r != j.end()) {
    if (!r->is_array() || r->size() != 2 || !(*r)[0].is_number() || !(*r)[1].is_number() ||
        !((*r)[0].get<double>() < (*r)[1].get<double>()) || !std::isfinite((*r)[1].get<double>() - (*r)[0].get<double>()))
      return Status::error(where / "widget_range" + "expected [low, high] with low < high");
    step.widget_min = (*r)[0].get<double>();
    step.widget_max = (*r)[1].get<double>();
  }
  if (Status s = name_list(j, "show", where, view_names(), &step.show); !s) return s;
  if (Status s = name_list(j, "lock", where, lock_names(), &step.lock); !s) return s;
  if (Status s = text_field(j, "highlight", where, false, &step.highlight); !s) return s;
  if (const auto t = j.find("task"); t != j.end()) {
    Task task;
    if (Status s = parse_task(*t, where / "task", &task); !s) return s;
    step.task = std::move(task);
  }
  *out = std::move(step);
  return Status::ok();
}

}  // namespace

const std::vector<std::string>& widget_names() {
  static const std::vector<std::string> names = {"weight_slider", "sigmoid_plot", "error_curve"};
  return names;
}

const std::vector<std::string>& view_names() {
  static const std::vector<std::string> names = {"controls",  "network",      "boundary",
                                                 "loss_curve", "inspector",   "update_sizes",
                                                 "landscape",   "graph"};
  return names;
}

const std::vector<std::string>& lock_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const lab::ControlInfo& c : lab::control_names()) n.push_back(c.name);
    n.push_back("training");
    return n;
  }();
  return names;
}

bool Check::right(double value) const {
  return numeric() ? std::abs(value - number) <= tolerance : value == answer;
}

bool Step::shows(std::string_view view) const {
  return show.empty() || std::find(show.begin(), show.end(), view) != show.end();
}

bool Step::locks(std::string_view control) const {
  return std::find(lock.begin(), lock.end(), control) != lock.end();
}

Status parse_lesson(std::string_view text, const std::string& file, Lesson* out) {
  const Place where{file, ""};
  if (text.size() > bp::kMaxFileBytes) return Status::error(where + "file too large");
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return Status::error(where + bp::json_error(text));
  if (!root.is_object()) return Status::error(where + "expected a JSON object at the top level");
  if (Status s = unknown_keys(root, where, {"format", "version", "id", "title", "summary", "steps", "checks"}); !s)
    return s;
  const auto format = root.find("format");
  if (format == root.end() || *format != "bplab-lesson")
    return Status::error(where / "format" + "expected \"bplab-lesson\"");
  const auto version = root.find("version");
  if (version == root.end() || *version != 1) return Status::error(where / "version" + "expected 1");
  Lesson lesson;
  lesson.file = file;
  if (Status s = text_field(root, "id", where, true, &lesson.id); !s) return s;
  if (lesson.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
    return Status::error(where / "id" + "use lower-case letters, digits and '-'");
  if (Status s = text_field(root, "title", where, true, &lesson.title); !s) return s;
  if (Status s = text_field(root, "summary", where, false, &lesson.summary); !s) return s;
  const auto steps = root.find("steps");
  if (steps == root.end() || !steps->is_array() || steps->empty())
    return Status::error(where / "steps" + "expected a non-empty list of steps");
  for (std::size_t k = 0; k < steps->size(); ++k) {
    Step step;
    if (Status s = parse_step((*steps)[k], (where / "steps")[k], &step); !s)
      return s;
    lesson.steps.push_back(std::move(step));
  }
  if (const auto checks = root.find("checks"); checks != root.end()) {
    if (!checks->is_array() || checks->empty() || checks->size() > kMaxChecks)
      return Status::error(where / "checks" + ("expected a list of 1 … " + std::to_string(kMaxChecks) + " questions"));
    for (std::size_t k = 0; k < checks->size(); ++k) {
      Check check;
      if (Status s = parse_check((*checks)[k], (where / "checks")[k], &check); !s) return s;
      lesson.checks.push_back(std::move(check));
    }
  }
  *out = std::move(lesson);
  return Status::ok();
}

}  // namespace lessons
