// The lab operations the lessons rely on, checked on Mazur's example: several targets per sample,
// dragging a weight, the E(w) curve and its slope, previewing the next update, and the inspector and
// sample fields of the lab's state.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lab.h"
#include "lab_state.h"
#include "url_hash.h"

namespace {

using lab::Lab;

// Mazur's example ("A Step by Step Backpropagation Example", 2015): one sample, 2-2-2 sigmoid.
constexpr const char* kMazurData = "x1,x2,t1,t2\n0.05,0.10,0.01,0.99\n";
constexpr const char* kMazurModel = R"({"format": "bplab-model", "version": 1,
  "layers": [{"size": 2}, {"size": 2, "activation": "sigmoid"}, {"size": 2, "activation": "sigmoid"}],
  "weights": [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]],
  "biases": [[0.35, 0.35], [0.60, 0.60]]})";

void mazur(Lab* l) {
  lab::Settings s;
  ASSERT_TRUE(lab::decode_hash("ds=custom&ratio=0.9&h=2&act=sigmoid&out=sigmoid&lr=0.5&bs=1", &s));
  ASSERT_TRUE(l->apply(s));
  ASSERT_TRUE(l->import_csv(kMazurData, 2));
  ASSERT_TRUE(l->import_model(kMazurModel));
}

TEST(LabLessonTools, TwoTargetsGiveTwoOutputsAndMazursNumbers) {
  Lab l;
  mazur(&l);
  EXPECT_EQ(l.settings().outputs, 2);
  EXPECT_EQ(l.network().output_size(), 2);
  EXPECT_EQ(l.train_set().size(), 1);
  EXPECT_NEAR(l.loss_train(), 0.298371109, 1e-9);
  ASSERT_TRUE(l.inspector().select_weight(2, 0, 0));
  const nlohmann::json j = nlohmann::json(lab::snapshot(l));
  EXPECT_EQ(j["inspector"]["weight"], "w5");
  EXPECT_NEAR(j["inspector"]["dE_dtheta"].get<double>(), 0.138498562, 1e-9);
  EXPECT_NEAR(j["inspector"]["gradient"].get<double>(), 0.082167041, 1e-9);
  EXPECT_NEAR(j["inspector"]["slope"].get<double>(), 0.082167041, 1e-9);
  EXPECT_NEAR(j["sample"]["outputs"][0].get<double>(), 0.75136507, 1e-8);
  EXPECT_NEAR(j["sample"]["outputs"][1].get<double>(), 0.772928465, 1e-8);
  EXPECT_NEAR(l.inspector().batch_update().w_new, 0.35891648, 1e-8);
  EXPECT_DOUBLE_EQ(l.network().weight(2, 0, 0), 0.40) << "the preview is undone";
  EXPECT_EQ(l.trainer().iteration(), 0);
  l.step();
  EXPECT_NEAR(l.network().weight(2, 0, 0), 0.35891648, 1e-8);
  EXPECT_NEAR(l.network().weight(1, 0, 0), 0.149780716, 1e-8) << "Mazur's new w1";
}

TEST(LabLessonTools, ModelOutputsMustMatchTheTargets) {
  Lab l;
  EXPECT_FALSE(l.import_model(kMazurModel));
  mazur(&l);
  l.clear_points();
  EXPECT_EQ(l.settings().outputs, 1);
  EXPECT_EQ(l.network().output_size(), 1);
  EXPECT_FALSE(l.import_csv(kMazurData, 0));
}

TEST(LabLessonTools, GeneratedDataHasOneOutputAgain) {
  Lab l;
  mazur(&l);
  lab::Settings s;
  ASSERT_TRUE(lab::decode_hash("ds=xor", &s));
  ASSERT_TRUE(l.apply(s));
  EXPECT_EQ(l.network().output_size(), 1);
}

TEST(LabLessonTools, DraggingAWeightReevaluatesTheError) {
  Lab l;
  mazur(&l);
  const double before = l.loss_train();
  EXPECT_TRUE(l.set_weight(2, 0, 0, -1.0));
  EXPECT_DOUBLE_EQ(l.network().weight(2, 0, 0), -1.0);
  EXPECT_NE(l.loss_train(), before);
  EXPECT_FALSE(l.set_weight(3, 0, 0, 1.0));
  EXPECT_FALSE(l.set_weight(2, 0, 0, 1.0 / 0.0));
}

TEST(LabLessonTools, ErrorCurvePassesThroughTheCurrentWeight) {
  Lab l;
  mazur(&l);
  ASSERT_TRUE(l.inspector().select_weight(2, 0, 0));
  const std::vector<double> curve = l.inspector().error_curve(0.0, 0.8, 5);  // w = 0, 0.2, 0.4, 0.6, 0.8
  ASSERT_EQ(curve.size(), 5u);
  EXPECT_DOUBLE_EQ(curve[2], l.loss_train());
  // Central difference of the curve ≈ the analytic slope.
  const std::vector<double> near = l.inspector().error_curve(0.4 - 1e-5, 0.4 + 1e-5, 2);
  EXPECT_NEAR((near[1] - near[0]) / 2e-5, l.inspector().slope(), 1e-7);
}

}  // namespace
