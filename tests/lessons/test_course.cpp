// Lesson files: the course parses; malformed files are reported by file and place while the other
// lessons still load; progress round-trips through JSON.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "course.h"
#include "progress.h"

namespace {

namespace fs = std::filesystem;
using lessons::Course;

constexpr const char* kGood = R"({"format": "bplab-lesson", "version": 1, "id": "good", "title": "Good",
  "steps": [{"title": "One", "text": "E = {{loss_train}}", "setup": "ds=xor&lr=0.5",
             "task": {"goal": "Train.", "condition": "epoch >= 1", "hint": "Play."}}]})";

// A lesson whose first step has `step` as its JSON.
std::string lesson_with_step(const std::string& step) {
  return R"({"format": "bplab-lesson", "version": 1, "id": "bad", "title": "Bad", "steps": [)" + step + "]}";
}

std::string error_of(const std::string& text) {
  Course c;
  lessons::add_lesson(text, "bad.json", &c);
  EXPECT_EQ(c.errors.size(), 1u) << text;
  return c.errors.empty() ? "" : c.errors[0];
}

TEST(Course, EveryShippedLessonParses) {
  const Course c = lessons::load_course(BPLAB_LESSONS_DIR);
  for (const std::string& e : c.errors) ADD_FAILURE() << e;
  EXPECT_EQ(c.lessons.size(), 14u);
  for (const lessons::Lesson& l : c.lessons) {
    EXPECT_FALSE(l.steps.empty()) << l.file;
    EXPECT_TRUE(l.steps.front().setup) << l.file << ": the first step must set the lab up";
  }
}

TEST(Course, MalformedFilesAreReportedAndTheOthersStillLoad) {
  const fs::path dir = fs::temp_directory_path() / "bplab_lesson_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&](const char* name, const std::string& text) { std::ofstream(dir / name) << text; };
  write("01-good.json", kGood);
  write("02-bad-json.json", "{\"format\": \"bplab-lesson\",\n  \"id\": }");
  write("03-unknown-key.json", lesson_with_step(R"({"title": "t", "text": "x", "colour": "red"})"));
  write("04-bad-condition.json",
        lesson_with_step(R"({"title": "t", "text": "x", "task": {"goal": "g", "condition": "epoch >", "hint": "h"}})"));
  write("05-bad-setup.json", lesson_with_step(R"({"title": "t", "text": "x", "setup": "lr=fast"})"));
  write("06-same-id.json", std::string(kGood));
  write("notes.txt", "not a lesson");
  const Course c = lessons::load_course(dir.string());
  fs::remove_all(dir);
  ASSERT_EQ(c.lessons.size(), 1u);
  EXPECT_EQ(c.lessons[0].id, "good");
  ASSERT_EQ(c.errors.size(), 5u);
  EXPECT_EQ(c.errors[0].rfind("02-bad-json.json: parse error at line 2, column", 0), 0u) << c.errors[0];
  EXPECT_EQ(c.errors[1].rfind("03-unknown-key.json: steps[0]: unknown key \"colour\" (known: title, text,", 0), 0u)
      << c.errors[1];
  EXPECT_EQ(c.errors[2],
            "04-bad-condition.json: steps[0].task.condition: position 8: expected a number, name, text or "
            "'(' after '>', found the end");
  EXPECT_EQ(c.errors[3], "05-bad-setup.json: steps[0].setup: link: lr=\"fast\" is not a valid value");
  EXPECT_EQ(c.errors[4], "06-same-id.json: id: \"good\" is already used by 01-good.json");
}

TEST(Course, AMissingFolderIsOneError) {
  const Course c = lessons::load_course("/nonexistent/lessons");
  EXPECT_TRUE(c.lessons.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].rfind("/nonexistent/lessons: cannot read the lesson folder", 0), 0u);
}

TEST(Course, EachCheckNamesItsPlace) {
  EXPECT_EQ(error_of("[1]"), "bad.json: expected a JSON object at the top level");
  EXPECT_EQ(error_of(R"({"format": "x"})"), "bad.json: format: expected \"bplab-lesson\"");
  EXPECT_EQ(error_of(R"({"format": "bplab-lesson", "version": 1, "id": "x", "title": "t", "steps": []})"),
            "bad.json: steps: expected a non-empty list of steps");
  EXPECT_EQ(error_of(R"({"format": "bplab-lesson", "version": 1, "id": "Bad Id", "title": "t", "steps": [1]})"),
            "bad.json: id: use lower-case letters, digits and '-'");
  EXPECT_EQ(error_of(lesson_with_step(R"({"text": "x"})")), "bad.json: steps[0]: missing \"title\"");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "E = {{loss_trian}}"})")),
            "bad.json: steps[0].text: {{…}} at character 5: position 1: unknown state key \"loss_trian\"");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "task": {"goal": "g", "condition": "epoch", "hint": "h"}})")),
            "bad.json: steps[0].task.condition: the condition gives number, not true/false");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "task": {"goal": "g", "condition": "epoch > 1"}})")),
            "bad.json: steps[0].task: expected \"hint\" (one text) or \"hints\" (a list), not both");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "task": {"goal": "g", "condition": "epoch > 1", "hint": "h", "hints": ["a"]}})")),
            "bad.json: steps[0].task: expected \"hint\" (one text) or \"hints\" (a list), not both");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "task": {"goal": "g", "condition": "epoch > 1", "hints": ["idea", ""]}})")),
            "bad.json: steps[0].task.hints[1]: expected a non-empty text");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "task": {"goal": "g", "condition": "epoch > 1", "hints": []}})")),
            "bad.json: steps[0].task.hints: expected a list of 1 … 5 texts");
}

// Predict, then verify: a typed task names what reveals its answer, and its condition may not
// depend on that reveal (05/4 once required inspector.step >= 3, the step that prints δ).
TEST(Course, TypedTasksDeclareTheirRevealAndMayNotRequireIt) {
  const auto task = [](const std::string& fields) {
    return lesson_with_step(R"({"title": "t", "text": "x", "task": {"goal": "g", "hint": "h", )" + fields + "}}");
  };
  EXPECT_EQ(error_of(task(R"("condition": "abs(answer - inspector.dE_dtheta) < 1e-4", "input": "δ")")),
            "bad.json: steps[0].task: a typed task needs \"revealed_by\": what makes the lab show its answer "
            "(\"false\" when no view of the step shows it)");
  EXPECT_EQ(error_of(task(R"("condition": "inspector.step >= 3 && abs(answer - inspector.dE_dtheta) < 1e-4", )"
                          R"("input": "δ", "revealed_by": {"inspector_step": 3})")),
            "bad.json: steps[0].task.condition: reads inspector.step, which reveals the answer (revealed_by: "
            "inspector.step >= 3); a typed answer must count before the lab shows it");
  EXPECT_EQ(error_of(task(R"("condition": "epoch > 1", "revealed_by": "false")")),
            "bad.json: steps[0].task.revealed_by: only a task with \"input\" has one");
  EXPECT_EQ(error_of(task(R"("condition": "answer > 1", "input": "a", "revealed_by": {"inspector_step": -1})")),
            "bad.json: steps[0].task.revealed_by: expected a condition or {\"inspector_step\": N}");
  EXPECT_EQ(error_of(task(R"("condition": "answer > 1", "input": "a", "revealed_by": "inspector.stp > 1")")),
            "bad.json: steps[0].task.revealed_by: position 1: unknown state key \"inspector.stp\"");
  lessons::Lesson ok;
  ASSERT_TRUE(lessons::parse_lesson(
      task(R"("condition": "abs(answer - inspector.dE_dtheta) < 1e-4", "input": "δ", "revealed_by": {"inspector_step": 3})"),
      "ok.json", &ok));
  EXPECT_EQ(ok.steps[0].task->revealed_by.text(), "inspector.step >= 3");
  EXPECT_EQ(ok.steps[0].task->hints, std::vector<std::string>{"h"});
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "widget": "dial"})")),
            "bad.json: steps[0].widget: unknown \"dial\" (known: weight_slider, sigmoid_plot, error_curve)");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "lock": ["hyper", "brakes"]})")),
            "bad.json: steps[0].lock[1]: unknown \"brakes\" (known: data, features, arch, loss, hyper, reg, io, training)");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "show": "network"})")),
            "bad.json: steps[0].show: expected a list of names");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "data": "x1,x2\n1,2\n"})")),
            "bad.json: steps[0].data: the header needs x1, x2 and 1 … 8 target columns");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "data": "x1,x2,y\n1,2,zz\n"})")).rfind(
                "bad.json: steps[0].data: line 2", 0),
            0u);
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "model": {"format": "bplab-model"}})")),
            "bad.json: steps[0].model: version: expected 1");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "select": "v5"})")),
            "bad.json: steps[0].select: expected a weight name such as \"w5\"");
  EXPECT_EQ(error_of(lesson_with_step(R"({"title": "t", "text": "x", "widget_range": [3, 1]})")),
            "bad.json: steps[0].widget_range: expected [low, high] with low < high");
}

TEST(Progress, RoundTripsAndRejectsBadText) {
  lessons::Progress p;
  p.lessons["momentum"] = {2, 3};
  p.lessons["free-lab"] = {0, 1};
  lessons::Progress q;
  ASSERT_TRUE(lessons::Progress::from_json(p.to_json(), &q));
  EXPECT_EQ(p, q);
  EXPECT_EQ(q.of("momentum").completed, 3);
  EXPECT_EQ(q.of("unknown").completed, 0);
  q.reset("momentum");
  EXPECT_EQ(q.of("momentum").step, 0);
  EXPECT_EQ(q.lessons.size(), 1u);
  for (const char* bad : {"", "{", "[]", R"({"format": 5, "version": 1, "lessons": {}})",
                          R"({"format": "bplab-progress", "version": 1, "lessons": {"a": {"step": -1, "completed": 0}}})",
                          R"({"format": "bplab-progress", "version": 1, "lessons": {"a": {"step": 1}}})"}) {
    lessons::Progress untouched = p;
    EXPECT_FALSE(lessons::Progress::from_json(bad, &untouched)) << bad;
    EXPECT_EQ(untouched, p);
  }
}

}  // namespace

namespace {

std::string lesson_with_checks(const std::string& checks) {
  return R"({"format": "bplab-lesson", "version": 1, "id": "x", "title": "t", "steps": [{"title": "t", "text": "x"}], "checks": )" +
         checks + "}";
}

std::string check_error(const std::string& checks) {
  lessons::Lesson lesson;
  const bp::Status s = lessons::parse_lesson(lesson_with_checks(checks), "bad.json", &lesson);
  return s ? std::string("(accepted)") : s.message();
}

TEST(Course, EndOfLessonChecksAreParsedAndBadOnesNamed) {
  lessons::Lesson lesson;
  ASSERT_TRUE(lessons::parse_lesson(
      lesson_with_checks(R"([{"question": "q", "choices": ["a", "b"], "answer": 1, "explain": "e"},
                             {"question": "n", "number": 0.5, "tolerance": 0.01, "explain": "e"}])"),
      "ok.json", &lesson));
  ASSERT_EQ(lesson.checks.size(), 2u);
  EXPECT_TRUE(lesson.checks[0].right(1));
  EXPECT_FALSE(lesson.checks[0].right(0));
  EXPECT_TRUE(lesson.checks[1].numeric());
  EXPECT_TRUE(lesson.checks[1].right(0.505));
  EXPECT_FALSE(lesson.checks[1].right(0.52));

  EXPECT_EQ(check_error("[]"), "bad.json: checks: expected a list of 1 … 6 questions");
  EXPECT_EQ(check_error(R"([{"question": "q", "choices": ["a", "b"], "answer": 2, "explain": "e"}])"),
            "bad.json: checks[0].answer: expected the index of the right choice, 0 … 1");
  EXPECT_EQ(check_error(R"([{"question": "q", "choices": ["a"], "answer": 0, "explain": "e"}])"),
            "bad.json: checks[0].choices: expected a list of 2 … 6 texts");
  EXPECT_EQ(check_error(R"([{"question": "q", "choices": ["a", ""], "answer": 0, "explain": "e"}])"),
            "bad.json: checks[0].choices[1]: expected a non-empty text");
  EXPECT_EQ(check_error(R"([{"question": "q", "choices": ["a", "b"], "answer": 0}])"),
            "bad.json: checks[0]: missing \"explain\"");
  EXPECT_EQ(check_error(R"([{"question": "q", "number": 1, "explain": "e"}])"),
            "bad.json: checks[0].tolerance: expected a number ≥ 0");
  EXPECT_EQ(check_error(R"([{"question": "q", "number": 1, "tolerance": 0, "answer": 1, "explain": "e"}])"),
            "bad.json: checks[0].answer: only a question with \"choices\" has one");
  EXPECT_EQ(check_error(R"([{"question": "q", "explain": "e"}])"),
            "bad.json: checks[0]: expected \"choices\" and \"answer\", or a finite \"number\" and \"tolerance\"");
  EXPECT_EQ(check_error(R"([{"question": "q", "choices": ["a", "b"], "answer": 0, "number": 1, "explain": "e"}])"),
            "bad.json: checks[0]: a question has \"choices\" and \"answer\", or \"number\" and \"tolerance\"");
  EXPECT_EQ(check_error(R"([{"question": "q", "choices": ["a", "b"], "answer": 0, "explain": "e", "hint": "h"}])")
                .rfind("bad.json: checks[0]: unknown key \"hint\"", 0),
            0u);
}

// Every lesson but the free lab ends with 2–4 checks.
TEST(Course, EveryLessonEndsWithTwoToFourChecks) {
  const lessons::Course c = lessons::load_course(BPLAB_LESSONS_DIR);
  for (const lessons::Lesson& l : c.lessons) {
    if (l.id == "free-lab") continue;
    EXPECT_GE(l.checks.size(), 2u) << l.file;
    EXPECT_LE(l.checks.size(), 4u) << l.file;
  }
}

TEST(Progress, KeepsCheckResults) {
  lessons::Progress p;
  p.lessons["gradient-descent"] = {3, 7, {1, 0, -1}};
  lessons::Progress q;
  ASSERT_TRUE(lessons::Progress::from_json(p.to_json(), &q));
  EXPECT_EQ(q, p);
  lessons::Progress untouched = p;
  EXPECT_EQ(lessons::Progress::from_json(
                R"({"format": "bplab-progress", "version": 1, "lessons": {"a": {"step": 1, "completed": 1, "checks": [2]}}})",
                &untouched).message(),
            "progress: lessons.a: checks: expected -1, 0 or 1 per check");
  EXPECT_EQ(untouched, p);
}

}  // namespace
