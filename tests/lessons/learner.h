// A simulated learner for the lesson walk-through tests: drives the LessonRunner and the Lab the
// way the lesson UI does (setting hyperparameters, dragging a weight, training frame by frame,
// selecting a weight in the inspector, typing a number), and checks each task unlocks Next.
#pragma once
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "course.h"
#include "lab.h"
#include "lesson_runner.h"

namespace lessons_test {

class Learner {
 public:
  Learner();

  // Opens the lesson with this id; fails the test when it is missing or its set-up is refused.
  void open(const std::string& id);
  // Changes settings as the controls panel does.
  void settings(const std::function<void(lab::Settings*)>& change);
  void learning_rate(double eta);
  void momentum(double mu);
  void batch_size(int n);
  // Drags weight w_ji of layer l to value.
  void drag(int l, int j, int i, double value);
  // Selects w_ji in the inspector and steps the walk-through to `step`.
  void inspect(int l, int j, int i, int step = 0);
  void type(double value);
  void step();  // the Step button: one iteration
  void step_epoch();
  // Plays (train_frame per frame, as the app's main loop does) until the task holds; fails the
  // test after max_frames.
  void play_until_done(int max_frames = 3000);
  // Plays exactly `frames` frames.
  void play(int frames);
  // Asserts the task holds now, then presses Next (or, on the last step, checks it is the end).
  void next();
  // Checks the task does not hold yet (so it is the learner's action that completes it).
  void expect_not_done();

  lab::Lab& lab() { return lab_; }
  lessons::LessonRunner& runner() { return runner_; }
  const lessons::StateMap& state() const { return runner_.state(); }
  double number(const std::string& key) const;
  std::string where() const;

 private:
  lab::Lab lab_;
  lessons::LessonRunner runner_;
};

// The course from assets/lessons, loaded once.
const lessons::Course& course();

}  // namespace lessons_test
