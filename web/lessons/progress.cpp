#include "progress.h"

#include <nlohmann/json.hpp>

#include "json_error.h"

namespace lessons {

using bp::Status;
using json = nlohmann::json;

namespace {
// More results than a lesson file may have checks is not a progress record this lab wrote.
constexpr std::size_t kMaxChecks = 16;
}  // namespace

LessonProgress Progress::of(std::string_view id) const {
  const auto it = lessons.find(id);
  return it == lessons.end() ? LessonProgress{} : it->second;
}

void Progress::reset(std::string_view id) {
  const auto it = lessons.find(id);
  if (it != lessons.end()) lessons.erase(it);
}

std::string Progress::to_json() const {
  json entries = json::object();
  for (const auto& [id, p] : lessons) {
    entries[id] = {{"step", p.step}, {"completed", p.completed}};
    if (!p.checks.empty()) entries[id]["checks"] = p.checks;
  }
  return json{{"format", "bplab-progress"}, {"version", 1}, {"lessons", entries}}.dump();
}

Status Progress::from_json(std::string_view text, Progress* out) {
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return Status::error("progress: " + bp::json_error(text));
  // Compared as JSON values, so a field of the wrong type is a mismatch, not an exception.
  if (!root.is_object() || !root.contains("format") || root["format"] != "bplab-progress" ||
      !root.contains("version") || root["version"] != 1)
    return Status::error("progress: not a bplab-progress version 1 object");
  const auto entries = root.find("lessons");
  if (entries == root.end() || !entries->is_object())
    return Status::error("progress: lessons: expected an object");
  Progress p;
  for (auto it = entries->begin(); it != entries->end(); ++it) {
    const std::string where = "progress: lessons." + it.key().substr(0, 40) + ": ";
    if (!it->is_object()) return Status::error(where + "expected an object");
    LessonProgress lp;
    for (const char* key : {"step", "completed"}) {
      const auto v = it->find(key);
      if (v == it->end() || !v->is_number_integer() || v->get<long long>() < 0 || v->get<long long>() > 10000)
        return Status::error(where + key + ": expected a whole number 0 … 10000");
      (key[0] == 's' ? lp.step : lp.completed) = v->get<int>();
    }
    if (const auto c = it->find("checks"); c != it->end()) {
      if (!c->is_array() || c->size() > kMaxChecks)
        return Status::error(where + "checks: expected a list of at most " + std::to_string(kMaxChecks) + " results");
      for (const json& r : *c) {
        if (!r.is_number_integer() || r.get<long long>() < -1 || r.get<long long>() > 1)
          return Status::error(where + "checks: expected -1, 0 or 1 per check");
        lp.checks.push_back(r.get<int>());
      }
    }
    p.lessons[it.key()] = lp;
  }
  *out = std::move(p);
  return Status::ok();
}

}  // namespace lessons
