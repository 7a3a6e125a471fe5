#include "learner.h"

namespace lessons_test {

const lessons::Course& course() {
  static const lessons::Course c = lessons::load_course(BPLAB_LESSONS_DIR);
  return c;
}

Learner::Learner() : runner_(course(), lessons::Progress{}) {}

std::string Learner::where() const {
  if (!runner_.active()) return "(no lesson)";
  return runner_.lesson()->file + " step " + std::to_string(runner_.step_index()) + " \"" +
         runner_.step()->title + "\"";
}

double Learner::number(const std::string& key) const {
  const auto it = state().find(key);
  EXPECT_NE(it, state().end()) << key;
  if (it == state().end() || !std::holds_alternative<double>(it->second)) return 0;
  return std::get<double>(it->second);
}

void Learner::open(const std::string& id) {
  const int k = course().find(id);
  ASSERT_GE(k, 0) << "no lesson " << id;
  const bp::Status s = runner_.open(k, &lab_);
  ASSERT_TRUE(s) << s.message();
  ASSERT_EQ(runner_.step_index(), 0);
}

void Learner::settings(const std::function<void(lab::Settings*)>& change) {
  lab::Settings s = lab_.settings();
  change(&s);
  const bp::Status r = lab_.apply(s);
  ASSERT_TRUE(r) << where() << ": " << r.message();
  runner_.update(&lab_);
}

void Learner::learning_rate(double eta) { settings([&](lab::Settings* s) { s->hyper.learning_rate = eta; }); }
void Learner::momentum(double mu) { settings([&](lab::Settings* s) { s->hyper.momentum = mu; }); }
void Learner::batch_size(int n) { settings([&](lab::Settings* s) { s->hyper.batch_size = n; }); }

void Learner::drag(int l, int j, int i, double value) {
  ASSERT_TRUE(lab_.set_weight(l, j, i, value)) << where();
  runner_.update(&lab_);
}

void Learner::inspect(int l, int j, int i, int step) {
  ASSERT_TRUE(lab_.inspector().select_weight(l, j, i)) << where();
  lab_.inspector().selection().step = step;
  runner_.update(&lab_);
}

void Learner::type(double value) {
  runner_.set_answer(value);
  runner_.update(&lab_);
}

void Learner::step() {
  lab_.step();
  runner_.update(&lab_);
}

void Learner::step_epoch() {
  lab_.step_epoch();
  runner_.update(&lab_);
}

void Learner::play(int frames) {
  lab_.set_running(true);
  for (int f = 0; f < frames && lab_.running(); ++f) {
    lab_.train_frame(16.0);
    runner_.update(&lab_);
  }
  lab_.set_running(false);
}

void Learner::play_until_done(int max_frames) {
  lab_.set_running(true);
  int f = 0;
  for (; f < max_frames && !runner_.task_done(); ++f) {
    lab_.train_frame(16.0);
    runner_.update(&lab_);
  }
  lab_.set_running(false);
  EXPECT_TRUE(runner_.task_done()) << where() << ": task not done after " << f << " frames: "
                                   << runner_.step()->task->condition.text() << "; " << runner_.text();
}

void Learner::expect_not_done() {
  runner_.update(&lab_);
  EXPECT_FALSE(runner_.task_done()) << where() << ": the task holds before the learner acts";
}

void Learner::next() {
  runner_.update(&lab_);
  ASSERT_TRUE(runner_.task_error().empty()) << runner_.task_error();
  ASSERT_TRUE(runner_.task_done()) << where() << ": task not done: "
                                   << runner_.step()->task->condition.text() << "\n" << runner_.text();
  const int steps = int(runner_.lesson()->steps.size());
  if (runner_.step_index() + 1 == steps) {
    EXPECT_FALSE(runner_.can_next());
    EXPECT_EQ(runner_.progress().of(runner_.lesson()->id).completed, steps) << where();
    return;
  }
  const bp::Status s = runner_.next(&lab_);
  ASSERT_TRUE(s) << where() << ": " << s.message();
}

}  // namespace lessons_test
