// Fuzzes the lesson file reader, lessons::parse_lesson (web/lessons/lesson_file.cpp): JSON, then
// every step's set-up link, CSV data, model, names, and the condition language of tasks and
// {{…}} texts. Invariants beyond "no crash":
//   - on error the message is a bounded line naming the file, and *out is untouched;
//   - on success the lesson re-validates: id and steps as the format demands, every set-up link
//     validates and survives encode → decode, data and model parse again, names are known,
//     widget ranges are ordered and finite, every task condition type-checks as true/false
//     against the state schema and its names are schema keys, and a second parse gives the
//     same lesson.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "csv.h"
#include "fuzz_check.h"
#include "lesson.h"
#include "lesson_state.h"
#include "model_io.h"
#include "network.h"
#include "url_hash.h"

namespace {

const std::string kFile = "fuzz.json";

// A lesson no file yields (its id has an upper-case letter), to detect partial writes.
lessons::Lesson sentinel() {
  lessons::Lesson l;
  l.file = "sentinel";
  l.id = "SENTINEL";
  l.title = "t";
  l.summary = "s";
  l.steps.resize(3);
  l.steps[1].title = "middle";
  return l;
}

bool same_outline(const lessons::Lesson& a, const lessons::Lesson& b) {
  if (a.file != b.file || a.id != b.id || a.title != b.title || a.summary != b.summary ||
      a.steps.size() != b.steps.size())
    return false;
  for (std::size_t k = 0; k < a.steps.size(); ++k) {
    const lessons::Step& x = a.steps[k];
    const lessons::Step& y = b.steps[k];
    if (x.title != y.title || x.text.source() != y.text.source() || x.setup_hash != y.setup_hash ||
        x.data != y.data || x.model != y.model || x.select != y.select || x.sample != y.sample ||
        x.widget != y.widget || x.show != y.show || x.lock != y.lock ||
        x.highlight != y.highlight || x.task.has_value() != y.task.has_value() ||
        (x.task && (x.task->condition.text() != y.task->condition.text() ||
                    x.task->hints != y.task->hints || x.task->input != y.task->input ||
                    x.task->revealed_by.text() != y.task->revealed_by.text())))
      return false;
  }
  return true;
}

bool known(const std::vector<std::string>& names, const std::string& name) {
  for (const std::string& n : names)
    if (n == name) return true;
  return false;
}

void check_step(const lessons::Step& st, std::size_t k) {
  FUZZ_CHECK(!st.title.empty(), "step %zu without title", k);
  if (st.setup) {
    FUZZ_CHECK(lab::validate(*st.setup).is_ok(), "step %zu: set-up does not validate", k);
    lab::Settings again;
    FUZZ_CHECK(lab::decode_hash(lab::encode_hash(*st.setup), &again).is_ok() && again == *st.setup,
               "step %zu: set-up does not survive encode → decode", k);
  }
  if (!st.data.empty()) {
    FUZZ_CHECK(st.data_targets >= 1 && st.data_targets <= lab::kMaxOutputs, "step %zu: %d targets",
               k, st.data_targets);
    bp::Dataset d;
    FUZZ_CHECK(bp::parse_csv(st.data, 2, st.data_targets, &d).is_ok(), "step %zu: data", k);
  }
  if (!st.model.empty()) {
    bp::Network net;
    FUZZ_CHECK(bp::model_from_json(st.model, &net).is_ok(), "step %zu: model", k);
  }
  FUZZ_CHECK(st.sample >= -1 && st.sample < lab::kMaxLabSamples, "step %zu: sample %d", k, st.sample);
  FUZZ_CHECK(st.widget.empty() || known(lessons::widget_names(), st.widget), "step %zu: widget", k);
  FUZZ_CHECK(st.widget_min < st.widget_max && std::isfinite(st.widget_max - st.widget_min),
             "step %zu: widget range [%g, %g]", k, st.widget_min, st.widget_max);
  for (const std::string& v : st.show) FUZZ_CHECK(known(lessons::view_names(), v), "step %zu: view", k);
  for (const std::string& c : st.lock) FUZZ_CHECK(known(lessons::lock_names(), c), "step %zu: lock", k);
  if (st.task) {
    const bp::Status s = st.task->condition.check(lessons::state_schema(), true);
    FUZZ_CHECK(s.is_ok(), "step %zu: condition no longer checks: %s", k, s.message().c_str());
    for (const std::string& name : st.task->condition.names())
      FUZZ_CHECK(lessons::state_schema().count(lessons::schema_key(name)) == 1,
                 "step %zu: condition reads unknown key", k);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  lessons::Lesson out = sentinel();
  const bp::Status s = lessons::parse_lesson(text, kFile, &out);
  if (!s) {
    FUZZ_CHECK(s.message().size() <= fuzz::kMaxMessageBytes, "message of %zu bytes",
               s.message().size());
    FUZZ_CHECK(s.message().rfind(kFile + ": ", 0) == 0, "message does not name the file: %s",
               s.message().c_str());
    FUZZ_CHECK(same_outline(out, sentinel()), "output changed on error: %s", s.message().c_str());
    return 0;
  }
  FUZZ_CHECK(out.file == kFile, "file not recorded");
  FUZZ_CHECK(!out.id.empty() && out.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") ==
                                    std::string::npos,
             "bad id accepted");
  FUZZ_CHECK(!out.title.empty() && !out.steps.empty(), "no title or no steps");
  for (std::size_t k = 0; k < out.steps.size(); ++k) check_step(out.steps[k], k);

  lessons::Lesson again = sentinel();
  FUZZ_CHECK(lessons::parse_lesson(text, kFile, &again).is_ok() && same_outline(out, again),
             "a second parse differs");
  return 0;
}
