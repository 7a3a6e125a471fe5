// The runner's mechanics: Next stays locked until the task holds, progress is recorded and
// resumed, Back rebuilds the lab, texts show live values, and the state for window.lab.state().
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "learner.h"

namespace {

using lessons_test::Learner;

TEST(Runner, NextUnlocksOnlyWhenTheTaskHolds) {
  Learner l;
  l.open("guessing-a-weight");
  EXPECT_FALSE(l.runner().can_next());
  EXPECT_FALSE(l.runner().next(&l.lab()));
  EXPECT_EQ(l.runner().step_index(), 0);
  EXPECT_FALSE(l.runner().go_to(2, &l.lab())) << "steps beyond the progress are locked";
  l.drag(1, 0, 0, 1.5);
  EXPECT_TRUE(l.runner().can_next());
  l.drag(1, 0, 0, 0.0);
  EXPECT_TRUE(l.runner().task_done()) << "a task that held stays done for this visit";
}

TEST(Runner, OpenAtUnlocksTheStepsBeforeIt) {
  Learner l;
  const int lesson = lessons_test::course().find("guessing-a-weight");
  ASSERT_TRUE(l.runner().open_at(lesson, 2, &l.lab()));
  EXPECT_EQ(l.runner().step_index(), 2);
  EXPECT_EQ(l.runner().progress().of("guessing-a-weight").completed, 2);
  EXPECT_EQ(l.runner().progress().of("guessing-a-weight").step, 2);
  EXPECT_TRUE(l.runner().go_to(1, &l.lab())) << "steps before the link's step are open";
  EXPECT_TRUE(l.runner().take_progress_changed());
}

TEST(Runner, OpenAtRefusesAMissingStepAndChangesNothing) {
  Learner l;
  const int lesson = lessons_test::course().find("guessing-a-weight");
  const int steps = int(lessons_test::course().lessons[lesson].steps.size());
  EXPECT_FALSE(l.runner().open_at(lesson, steps, &l.lab()));
  EXPECT_FALSE(l.runner().open_at(lesson, -1, &l.lab()));
  EXPECT_FALSE(l.runner().open_at(-1, 0, &l.lab()));
  EXPECT_FALSE(l.runner().active());
  EXPECT_FALSE(l.runner().take_progress_changed());
}

TEST(Runner, TextsShowLiveValues) {
  Learner l;
  l.open("guessing-a-weight");
  EXPECT_NE(l.runner().text().find("w = 0.5, so y = 2·0.5 = 1 and e = -2."), std::string::npos)
      << l.runner().text();
  l.drag(1, 0, 0, 1.25);
  EXPECT_NE(l.runner().text().find("e = -0.5."), std::string::npos) << l.runner().text();
  EXPECT_EQ(l.runner().goal(), "Drag w until the error is zero (|e| < 0.05), or Ctrl+click the w1 slider, type a value and press "
            "Enter.");
}

TEST(Runner, StepSetupAppliesSettingsDataModelAndSelection) {
  Learner l;
  l.open("backpropagation");
  EXPECT_EQ(l.lab().network().output_size(), 2);
  EXPECT_DOUBLE_EQ(l.lab().network().weight(2, 0, 0), 0.40);
  EXPECT_EQ(l.lab().settings().hyper.learning_rate, 0.5);
  EXPECT_TRUE(l.runner().step()->locks("training"));
  EXPECT_TRUE(l.runner().step()->shows("inspector"));
  EXPECT_FALSE(l.runner().step()->shows("loss_curve"));
  EXPECT_EQ(l.lab().settings().hidden_controls & lab::kControlArch, lab::kControlArch);
}

TEST(Runner, ProgressIsRecordedResumedAndReset) {
  lessons::Progress saved;
  {
    Learner l;
    l.open("guessing-a-weight");
    l.runner().take_progress_changed();
    l.drag(1, 0, 0, 1.5);
    EXPECT_TRUE(l.runner().take_progress_changed());
    EXPECT_FALSE(l.runner().take_progress_changed());
    l.next();
    saved = l.runner().progress();
  }
  EXPECT_EQ(saved.of("guessing-a-weight").step, 1);
  EXPECT_EQ(saved.of("guessing-a-weight").completed, 1);
  lessons::Progress restored;
  ASSERT_TRUE(lessons::Progress::from_json(saved.to_json(), &restored));
  lab::Lab lab;
  lessons::LessonRunner runner(lessons_test::course(), restored);
  ASSERT_TRUE(runner.open(0, &lab));
  EXPECT_EQ(runner.step_index(), 1) << "resumed where the learner left";
  EXPECT_EQ(lab.settings().dataset, "custom") << "the set-up of step 0 was rebuilt";
  EXPECT_DOUBLE_EQ(lab.network().weight(1, 0, 0), 0.5);
  ASSERT_TRUE(runner.back(&lab));
  EXPECT_TRUE(runner.task_done()) << "a step done before stays done";
  ASSERT_TRUE(runner.go_to(1, &lab));
  runner.reset_progress();
  EXPECT_FALSE(runner.active());
  EXPECT_TRUE(runner.progress().lessons.empty());
  EXPECT_TRUE(runner.take_progress_changed());
}

TEST(Runner, StatusForTheJavaScriptApi) {
  Learner l;
  lessons::LessonRunner::Position s = l.runner().position();
  EXPECT_EQ(s.id, "");
  EXPECT_EQ(s.step, 0);
  EXPECT_EQ(s.steps, 0);
  EXPECT_FALSE(s.task_done);
  l.open("guessing-a-weight");
  l.drag(1, 0, 0, 1.5);
  s = l.runner().position();
  EXPECT_EQ(s.id, "guessing-a-weight");
  EXPECT_EQ(s.step, 0);
  EXPECT_EQ(s.steps, 5);
  EXPECT_TRUE(s.task_done);
  l.runner().close();
  EXPECT_FALSE(l.runner().active());
}

TEST(Runner, TheAnswerIsNaNUntilTyped) {
  Learner l;
  l.open("the-neuron");
  EXPECT_EQ(std::get<bool>(l.state().at("answered")), false);
  EXPECT_TRUE(std::isnan(l.number("answer")));
  l.type(-0.5);
  EXPECT_EQ(l.number("answer"), -0.5);
  EXPECT_TRUE(l.runner().task_done());
}

}  // namespace

namespace {

TEST(Runner, EndOfLessonChecksAreRecordedInProgress) {
  lessons_test::Learner l;
  l.open("gradient-descent");
  lessons::LessonRunner& r = l.runner();
  const std::vector<lessons::Check>& checks = r.lesson()->checks;
  ASSERT_GE(checks.size(), 2u);
  EXPECT_EQ(r.check_result(0), -1);
  EXPECT_FALSE(r.answer_check(0, 1));  // "shrink": the wrong way
  EXPECT_EQ(r.check_result(0), 0);
  EXPECT_TRUE(r.take_progress_changed());
  EXPECT_TRUE(r.answer_check(0, checks[0].answer));
  EXPECT_TRUE(r.answer_check(1, -0.4));
  EXPECT_EQ(r.progress().of("gradient-descent").checks, (std::vector<int>{1, 1, -1}));
  EXPECT_FALSE(r.answer_check(int(checks.size()), 0)) << "no such check";
}

}  // namespace
