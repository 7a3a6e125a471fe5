// The loss curve's epoch axis: every recorded point and marker carries its epoch position, counted
// in samples (epochs completed + samples of the current epoch used / N), so it stays exact when the
// batch size changes mid-epoch; the axis is a setting that a link and the state carry.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lab.h"
#include "lab_state.h"
#include "url_hash.h"

namespace {

using lab::Lab;
using lab::Settings;

// 400 circle points at ratio 0.5: N = 200 training samples; one iteration per frame.
const char* const kSetUp = "ds=circle&n=400&ratio=0.5&bs=30&speed=1";

// Opens kSetUp with a fresh curve (no marker from leaving the default batch size).
Settings open_set_up(Lab* l) {
  Settings s;
  EXPECT_TRUE(lab::decode_hash(kSetUp, &s));
  EXPECT_TRUE(l->apply(s));
  l->reset();
  return s;
}

TEST(LossEpochs, EveryPointKnowsItsEpochAcrossABatchSizeChange) {
  Lab l;
  Settings s = open_set_up(&l);
  ASSERT_EQ(l.train_set().size(), 200);
  // Batch 30: six batches of 30 (180 samples), then the epoch's last 20 → epoch 1 after 7
  // iterations; the 8th uses 30 more samples of epoch 2.
  for (int k = 0; k < 8; ++k) l.step();
  s.hyper.batch_size = 200;  // full batch, changed 30 samples into the second epoch
  ASSERT_TRUE(l.apply(s));
  // The rest of that epoch (170 samples) is one batch, then one whole epoch per iteration.
  l.step();
  l.step();

  const std::vector<double> want_epochs = {0,    0.15, 0.3, 0.45, 0.6, 0.75, 0.9,
                                           1.0,  1.15, 2.0, 3.0};
  const lab::History& h = l.train_curve();
  ASSERT_EQ(h.size(), want_epochs.size());
  for (std::size_t k = 0; k < h.size(); ++k) {
    EXPECT_EQ(h.xs()[k], double(k)) << "point " << k << " is iteration " << k;
    EXPECT_DOUBLE_EQ(h.epochs()[k], want_epochs[k]) << "point " << k;
    EXPECT_DOUBLE_EQ(l.test_curve().epochs()[k], want_epochs[k]) << "test point " << k;
  }
  EXPECT_EQ(l.trainer().epoch(), 3);
  EXPECT_DOUBLE_EQ(l.trainer().epochs_done(), 3.0);

  ASSERT_EQ(l.markers().size(), 1u);
  EXPECT_EQ(l.markers()[0].x, 8);
  EXPECT_DOUBLE_EQ(l.markers()[0].epoch, 1.15);
  EXPECT_EQ(l.markers()[0].text, "batch 30 → 200");

  const std::string csv = lab::loss_curves_csv(l.train_curve(), l.test_curve());
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "iteration,epoch,loss_train,loss_test");
  EXPECT_NE(csv.find("\n8,1.1499999999999999,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n10,3,"), std::string::npos) << csv;
}

TEST(LossEpochs, TheAxisIsASettingThatNeitherRetrainsNorMarks) {
  Lab l;
  Settings s = open_set_up(&l);
  for (int k = 0; k < 5; ++k) l.step();
  const std::vector<double> params = l.network().params();
  const std::size_t points = l.train_curve().size();
  EXPECT_EQ(nlohmann::json(lab::snapshot(l))["loss_axis"], "iteration");

  ASSERT_TRUE(lab::decode_hash(std::string(kSetUp) + "&lx=epoch", &s));
  EXPECT_EQ(s.loss_axis, lab::LossAxis::Epochs);
  ASSERT_TRUE(l.apply(s));
  EXPECT_EQ(l.network().params(), params);
  EXPECT_EQ(l.train_curve().size(), points) << "the history is kept";
  EXPECT_TRUE(l.markers().empty()) << "an axis change is no hyperparameter change";
  EXPECT_EQ(l.trainer().iteration(), 5);
  const nlohmann::json state = lab::snapshot(l);
  EXPECT_EQ(state["loss_axis"], "epoch");
  EXPECT_NE(state["hash"].get<std::string>().find("&lx=epoch"), std::string::npos);
}

TEST(LossEpochs, TheLinkKeyIsWrittenOnlyForEpochsAndBadValuesAreRefused) {
  EXPECT_EQ(lab::encode_hash(Settings{}).find("lx="), std::string::npos);
  Settings s;
  ASSERT_TRUE(lab::decode_hash("lx=iteration", &s));
  EXPECT_EQ(s.loss_axis, lab::LossAxis::Iterations);
  s.loss_axis = lab::LossAxis::Epochs;
  Settings back;
  ASSERT_TRUE(lab::decode_hash(lab::encode_hash(s), &back));
  EXPECT_TRUE(back == s);
  Settings untouched;
  const bp::Status bad = lab::decode_hash("lx=epochs", &untouched);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.message().find("lx"), std::string::npos) << bad.message();
  EXPECT_TRUE(untouched == Settings{});
}

}  // namespace
