#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "lab.h"
#include "lab_state.h"
#include "metrics.h"
#include "url_hash.h"
#include "param_names.h"
#include "model_io.h"

namespace {

using lab::Lab;
using lab::Settings;

// The 3-class spiral's set-up of tests/web/classes.test.mjs.
const char* const kSpiral3Link = "ds=spiral3&noise=0&h=16,16&act=tanh&lr=0.03&mom=0.9&bs=10&speed=20";

void train(Lab* l, int frames) {
  for (int k = 0; k < frames; ++k) l->train_frame(1.0);
}

// The lab at one iteration per frame (the default Speed trains 200), so frames count iterations.
void one_per_frame(Lab* l) {
  Settings s = l->settings();
  s.speed = 1;
  ASSERT_TRUE(l->apply(s));
}

TEST(Lab, TrainingLowersTheErrorOnSeparableData) {
  Lab l;
  Settings s = l.settings();
  s.dataset = "gauss";
  s.hyper.learning_rate = 0.3;
  s.speed = 20;
  ASSERT_TRUE(l.apply(s));
  const double before = l.loss_train();
  train(&l, 100);
  EXPECT_EQ(l.trainer().iteration(), 2000);
  EXPECT_LT(l.loss_train(), before / 4);
  EXPECT_LT(l.loss_test(), before / 4);
  EXPECT_GE(l.train_curve().size(), 2u);
}

TEST(Lab, HyperparametersChangeLiveWithAMarker) {
  Lab l;
  train(&l, 30);
  const long long it = l.trainer().iteration();
  const std::vector<double> weights = l.network().params();
  bp::Hyperparams h = l.settings().hyper;
  h.learning_rate = 0.5;
  h.momentum = 0.9;
  h.batch_size = 3;
  ASSERT_TRUE(l.set_hyperparams(h));
  EXPECT_EQ(l.trainer().iteration(), it);
  EXPECT_EQ(l.network().params(), weights);
  EXPECT_EQ(l.trainer().hyperparams().batch_size, 3);
  ASSERT_EQ(l.markers().size(), 1u);
  EXPECT_EQ(l.markers()[0].x, double(it));
  EXPECT_NE(l.markers()[0].text.find("η 0.03 → 0.5"), std::string::npos);
  EXPECT_NE(l.markers()[0].text.find("μ 0 → 0.9"), std::string::npos);
}

TEST(Lab, BadSettingsChangeNothing) {
  Lab l;
  one_per_frame(&l);
  train(&l, 5);
  const Settings before = l.settings();
  Settings s = before;
  s.hyper.momentum = 1.5;
  const bp::Status st = l.apply(s);
  EXPECT_FALSE(st);
  EXPECT_NE(st.message().find("momentum"), std::string::npos);
  EXPECT_TRUE(l.settings() == before);
  EXPECT_EQ(l.trainer().iteration(), 5);
}

TEST(Lab, ArchitectureChangeReinitialisesAndSaysSo) {
  Lab l;
  train(&l, 10);
  Settings s = l.settings();
  s.hidden = {3};
  std::string note;
  ASSERT_TRUE(l.apply(s, &note));
  EXPECT_NE(note.find("re-initialised"), std::string::npos);
  EXPECT_EQ(l.trainer().iteration(), 0);
  EXPECT_EQ(l.network().num_layers(), 3);
}

TEST(Lab, HugeLearningRateDivergesAndRollsBack) {
  Lab l;
  Settings s = l.settings();
  s.dataset = "plane";
  s.output_activation = bp::ActivationId::Linear;
  s.hyper.learning_rate = 10;
  ASSERT_TRUE(l.apply(s));
  l.set_running(true);
  for (int k = 0; k < 1000 && !l.diverged(); ++k) l.train_frame(1.0);
  ASSERT_TRUE(l.diverged());
  EXPECT_FALSE(l.running());
  EXPECT_NE(l.divergence_message().find("learning rate"), std::string::npos);
  const long long it = l.trainer().iteration();
  l.train_frame(1.0);
  EXPECT_EQ(l.trainer().iteration(), it) << "training must stay stopped";
  l.rollback();
  EXPECT_FALSE(l.diverged());
  EXPECT_TRUE(l.network().is_finite());
  EXPECT_TRUE(std::isfinite(l.loss_train()));
}

TEST(Lab, ModelExportImportRoundTrip) {
  Lab a;
  train(&a, 20);
  const std::string json = bp::model_to_json(a.network());
  Lab b;
  Settings s = b.settings();
  s.hidden = {2};
  ASSERT_TRUE(b.apply(s));
  ASSERT_TRUE(b.import_model(json));
  EXPECT_EQ(b.settings().hidden, a.settings().hidden);
  EXPECT_EQ(b.network().params(), a.network().params());
  EXPECT_EQ(b.predict(0.3, -0.2), a.predict(0.3, -0.2));
}

TEST(Lab, BadModelImportKeepsTheNetwork) {
  Lab l;
  const std::vector<double> params = l.network().params();
  const char* bad[] = {
      "{",
      R"({"format":"bplab-model","version":1,"layers":[{"size":3},{"size":1,"activation":"sigmoid"}]})",
      R"({"format":"bplab-model","version":1,"layers":[{"size":2},{"size":2,"activation":"sigmoid"}]})",
  };
  for (const char* json : bad) {
    EXPECT_FALSE(l.import_model(json)) << json;
    EXPECT_EQ(l.network().params(), params);
  }
}

TEST(Lab, CsvImportAndClickedPointsMakeCustomData) {
  Lab l;
  ASSERT_TRUE(l.import_csv("x1,x2,t\n0.1,0.2,1\n-0.5,0.5,0\n0.3,0.3,1\n-0.2,-0.9,0\n"));
  EXPECT_EQ(l.settings().dataset, "custom");
  EXPECT_EQ(l.raw_train().size() + l.raw_test().size(), 4);
  const int before = l.raw_train().size();
  l.add_point(0.5, 0.5, 1);
  EXPECT_EQ(l.raw_train().size(), before + 1);
  EXPECT_FALSE(l.import_csv("x1,x2,t\n1,2\n"));
  EXPECT_EQ(l.raw_train().size(), before + 1);
  l.clear_points();
  EXPECT_EQ(l.train_set().size(), 0);
  l.step();
  EXPECT_EQ(l.trainer().iteration(), 0) << "no data, no step";
}

TEST(Lab, WeightsAreNamedInMazurOrder) {
  Lab l;
  Settings s = l.settings();
  s.hidden = {2};
  ASSERT_TRUE(l.apply(s));
  EXPECT_EQ(bp::weight_name(l.network(), 1, 0, 0), "w1");
  EXPECT_EQ(bp::weight_name(l.network(), 1, 0, 1), "w2");
  EXPECT_EQ(bp::weight_name(l.network(), 1, 1, 0), "w3");
  EXPECT_EQ(bp::weight_name(l.network(), 2, 0, 0), "w5");
  EXPECT_TRUE(l.inspector().select_weight(2, 0, 1));
  EXPECT_FALSE(l.inspector().select_weight(3, 0, 0));
  EXPECT_EQ(l.inspector().selection().layer, 2);
}

TEST(Lab, StateJsonReportsTheSession) {
  Lab l;
  one_per_frame(&l);
  train(&l, 3);
  const nlohmann::json j = nlohmann::json(lab::snapshot(l));
  EXPECT_EQ(j["iteration"], 3);
  EXPECT_EQ(j["learning_rate"], 0.03);
  EXPECT_EQ(j["batch_size"], 10);
  EXPECT_EQ(j["diverged"], false);
  EXPECT_EQ(j["inspector"]["weight"], "w1");
  EXPECT_DOUBLE_EQ(j["loss_train"].get<double>(), l.loss_train());
}

TEST(Lab, MaxSpeedUsesTheTimeBudget) {
  Lab l;
  Settings s = l.settings();
  s.speed = 0;
  ASSERT_TRUE(l.apply(s));
  EXPECT_GT(l.train_frame(5.0), 1);
}

// A fixed speed's frame may be cut short by time (LabApp::kFixedSpeedTrainMs) and trained in
// slices: the weights after n iterations must not depend on how they were split.
TEST(Lab, TrainUpToStopsAtItsCountOrBudgetAndSplitsDoNotChangeTheWeights) {
  Lab whole, sliced;
  EXPECT_EQ(whole.train_up_to(200, INFINITY), 200);
  EXPECT_EQ(sliced.train_up_to(1, 0.0), 1) << "a spent budget still makes one iteration";
  int done = 1;
  for (int n : {7, 50, 142}) done += sliced.train_up_to(n, INFINITY);
  EXPECT_EQ(done, 200);
  EXPECT_EQ(sliced.trainer().iteration(), 200);
  EXPECT_EQ(sliced.network().params(), whole.network().params()) << "bit for bit";
  EXPECT_EQ(whole.train_up_to(0, INFINITY), 0);
  // A budget stops early: 10⁶ iterations of the default lab take far longer than 1 ms.
  EXPECT_LT(whole.train_up_to(1000000, 1.0), 1000000);
}

// A data set of 3 or more classes selects one softmax output unit per class with cross-entropy,
// and says so; going back to a two-class set goes back to one sigmoid unit.
TEST(Lab, ManyClassSetsSelectSoftmaxWithCrossEntropy) {
  Lab l;
  Settings s = l.settings();
  for (const char* name : {"blobs3", "spiral3", "blobs4"}) {
    SCOPED_TRACE(name);
    s = l.settings();
    s.dataset = name;
    std::string note;
    ASSERT_TRUE(l.apply(s, &note));
    const int k = std::string(name) == "blobs4" ? 4 : 3;
    EXPECT_EQ(l.settings().outputs, k);
    EXPECT_EQ(l.network().output_size(), k);
    EXPECT_EQ(l.train_set().n_targets, k);
    EXPECT_EQ(l.settings().output_activation, bp::ActivationId::Softmax);
    EXPECT_EQ(l.settings().loss, bp::LossId::Ce);
    if (std::string(name) == "blobs3") {  // changed from sigmoid/half-sse: the note says so
      EXPECT_NE(note.find("softmax"), std::string::npos) << note;
      EXPECT_NE(note.find("ce"), std::string::npos) << note;
    }
    EXPECT_EQ(l.classes(), k);
  }
  s = l.settings();
  s.dataset = "circle";
  std::string note;
  ASSERT_TRUE(l.apply(s, &note));
  EXPECT_EQ(l.settings().outputs, 1);
  EXPECT_EQ(l.settings().output_activation, bp::ActivationId::Sigmoid);
  EXPECT_EQ(l.settings().loss, bp::LossId::HalfSse);
  EXPECT_NE(note.find("sigmoid"), std::string::npos) << note;
  // A link names the set alone; the lab does the rest, and the link it writes says so.
  Settings linked;
  ASSERT_TRUE(lab::decode_hash("ds=spiral3&h=8", &linked));
  Lab m;
  ASSERT_TRUE(m.apply(linked));
  EXPECT_EQ(m.network().output_size(), 3);
  const std::string hash = lab::encode_hash(m.settings());
  EXPECT_NE(hash.find("out=softmax"), std::string::npos) << hash;
  EXPECT_NE(hash.find("loss=ce"), std::string::npos) << hash;
}

// Accuracy and the confusion matrix are the engine's, over the lab's own training and test sets,
// for one sigmoid output and for several softmax outputs; a regression set-up has none.
TEST(Lab, AccuracyAndConfusionAreTheEngines) {
  for (const char* hash : {"ds=gauss&lr=0.3&speed=20", "ds=blobs3&h=6&lr=0.3&speed=20"}) {
    SCOPED_TRACE(hash);
    Lab l;
    Settings s;
    ASSERT_TRUE(lab::decode_hash(hash, &s));
    ASSERT_TRUE(l.apply(s));
    train(&l, 50);
    const bp::Confusion train_m = bp::confusion_matrix(l.network(), l.train_set());
    const bp::Confusion test_m = bp::confusion_matrix(l.network(), l.test_set());
    EXPECT_EQ(l.confusion_train().counts, train_m.counts);
    EXPECT_EQ(l.confusion_test().counts, test_m.counts);
    EXPECT_EQ(train_m.total(), l.train_set().size());
    const nlohmann::json j = nlohmann::json(lab::snapshot(l));
    EXPECT_DOUBLE_EQ(j["accuracy_train"].get<double>(), train_m.accuracy());
    EXPECT_DOUBLE_EQ(j["accuracy_test"].get<double>(), test_m.accuracy());
    EXPECT_EQ(j["confusion"].get<std::vector<int>>(), train_m.counts);
    EXPECT_EQ(j["confusion"].size(), std::size_t(l.classes() * l.classes()));
    EXPECT_GT(j["accuracy_train"].get<double>(), 0.9);  // separable blobs
  }
  Lab r;
  Settings s = r.settings();
  s.dataset = "plane";
  ASSERT_TRUE(r.apply(s));
  const nlohmann::json j = nlohmann::json(lab::snapshot(r));
  EXPECT_FALSE(j.contains("accuracy_train"));
  EXPECT_FALSE(j.contains("confusion"));
}

// The settings the browser test (tests/web/classes.test.mjs) trains the 3-class spiral with reach
// 90 % training accuracy here first, in a number of iterations the page makes in a few seconds.
TEST(Lab, ThreeClassSpiralTrainsToNinetyPercent) {
  Lab l;
  Settings s;
  ASSERT_TRUE(lab::decode_hash(kSpiral3Link, &s));
  ASSERT_TRUE(l.apply(s));
  int frames = 0;
  while (l.confusion_train().accuracy() < 0.9 && frames < 400) {
    train(&l, 1);
    ++frames;
  }
  EXPECT_GE(l.confusion_train().accuracy(), 0.9) << l.trainer().iteration() << " iterations";
  std::printf("spiral3: %.3f training accuracy after %lld iterations\n",
              l.confusion_train().accuracy(), l.trainer().iteration());
}

// A clicked point of a class: one-hot with several outputs, the class itself with one.
TEST(Lab, ClassPointsAreOneHot) {
  Lab l;
  Settings s = l.settings();
  s.dataset = "blobs3";
  ASSERT_TRUE(l.apply(s));
  const int before = l.raw_train().size();
  EXPECT_FALSE(l.add_class_point(0.1, 0.2, 3));
  EXPECT_FALSE(l.add_class_point(0.1, 0.2, -1));
  EXPECT_EQ(l.settings().dataset, "blobs3");
  ASSERT_TRUE(l.add_class_point(0.1, 0.2, 2));
  EXPECT_EQ(l.settings().dataset, "custom");
  EXPECT_EQ(l.settings().outputs, 3);
  EXPECT_EQ(l.settings().output_activation, bp::ActivationId::Softmax);
  ASSERT_EQ(l.raw_train().size(), before + 1);
  const double* t = l.raw_train().target(before);
  EXPECT_EQ(t[0], 0.0);
  EXPECT_EQ(t[1], 0.0);
  EXPECT_EQ(t[2], 1.0);
  EXPECT_EQ(l.raw_train().input(before)[0], 0.1);
  // A custom 3-class set keeps its softmax through other changes.
  s = l.settings();
  s.hyper.learning_rate = 0.2;
  ASSERT_TRUE(l.apply(s));
  EXPECT_EQ(l.settings().outputs, 3);
  // Clearing leaves one sigmoid output for new two-class points.
  l.clear_points();
  EXPECT_EQ(l.settings().outputs, 1);
  EXPECT_EQ(l.settings().output_activation, bp::ActivationId::Sigmoid);
  EXPECT_FALSE(l.add_class_point(0.3, 0.3, 2));
  ASSERT_TRUE(l.add_class_point(0.3, 0.3, 1));
  EXPECT_EQ(l.raw_train().target(0)[0], 1.0);
}

// predict_all gives every output: for softmax, probabilities summing to 1 whose first is predict().
TEST(Lab, PredictAllGivesEveryOutput) {
  Lab l;
  Settings s = l.settings();
  s.dataset = "blobs4";
  ASSERT_TRUE(l.apply(s));
  const std::vector<double> y = l.predict_all(0.3, -0.4);
  ASSERT_EQ(y.size(), 4u);
  EXPECT_EQ(y[0], l.predict(0.3, -0.4));
  EXPECT_NEAR(y[0] + y[1] + y[2] + y[3], 1.0, 1e-12);
}

// A CSV with a class column: one-hot targets and a softmax output for 3 classes; a bad class is
// refused with its line and column and changes nothing.
TEST(Lab, CsvClassColumn) {
  Lab l;
  ASSERT_TRUE(l.import_csv("x1,x2,class\n0.1,0.2,0\n0.5,0.5,1\n-0.3,0.3,2\n0.2,-0.4,2\n"));
  EXPECT_EQ(l.settings().outputs, 3);
  EXPECT_EQ(l.network().output_size(), 3);
  EXPECT_EQ(l.settings().output_activation, bp::ActivationId::Softmax);
  EXPECT_EQ(l.settings().loss, bp::LossId::Ce);
  EXPECT_EQ(l.classes(), 3);
  const bp::Status bad = l.import_csv("x1,x2,class\n0.1,0.2,0\n0.5,0.5,-2\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.message().find("line 3, column 3"), std::string::npos) << bad.message();
  EXPECT_EQ(l.settings().outputs, 3);
}

}  // namespace
