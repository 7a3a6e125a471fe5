#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "lab.h"
#include "lab_state.h"
#include "param_names.h"
#include "model_io.h"

namespace {

using lab::Lab;
using lab::Settings;

void train(Lab* l, int frames) {
  for (int k = 0; k < frames; ++k) l->train_frame(1.0);
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

}  // namespace
