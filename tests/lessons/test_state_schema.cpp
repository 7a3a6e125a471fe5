// The lab's state as lessons and window.lab.state() read it, frozen: every key keeps its name, its
// type and its meaning. Lesson files name these keys in their conditions and texts, and the
// browser tests read them, so a key that disappears or changes type breaks a lesson silently.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "lab.h"
#include "lab_state.h"
#include "lesson_state.h"
#include "url_hash.h"

namespace {

// Every key a lesson condition may read, as state_schema() gives it ('#' for an array index).
TEST(StateSchema, KeysAndTypesAreFrozen) {
  const std::map<std::string, std::string> frozen = {
      {"accuracy_test", "number"},
      {"accuracy_train", "number"},
      {"activation", "text"},
      {"answer", "number"},
      {"answered", "true/false"},
      {"batch_size", "number"},
      {"confusion.#", "number"},
      {"confusion.count", "number"},
      {"dataset", "text"},
      {"diverged", "true/false"},
      {"divergence_message", "text"},
      {"epoch", "number"},
      {"epochs_since_change", "number"},
      {"errors.mse", "number"},
      {"errors.rmse", "number"},
      {"errors.sse", "number"},
      {"gradient_size.#", "number"},
      {"gradient_size.count", "number"},
      {"hash", "text"},
      {"hidden.#", "number"},
      {"hidden.count", "number"},
      {"inspector.dE_dtheta", "number"},
      {"inspector.dE_dy", "number"},
      {"inspector.gradient", "number"},
      {"inspector.input", "number"},
      {"inspector.layer", "number"},
      {"inspector.next_weight", "number"},
      {"inspector.sample", "number"},
      {"inspector.slope", "number"},
      {"inspector.step", "number"},
      {"inspector.theta", "number"},
      {"inspector.unit", "number"},
      {"inspector.value", "number"},
      {"inspector.weight", "text"},
      {"inspector.y", "number"},
      {"inspector.y_input", "number"},
      {"iteration", "number"},
      {"iterations_per_epoch", "number"},
      {"l1", "number"},
      {"l2", "number"},
      {"learning_rate", "number"},
      {"loss", "text"},
      {"loss_axis", "text"},
      {"loss_test", "number"},
      {"loss_train", "number"},
      {"markers", "number"},
      {"momentum", "number"},
      {"output_activation", "text"},
      {"outputs", "number"},
      {"running", "true/false"},
      {"sample.error", "number"},
      {"sample.errors.#", "number"},
      {"sample.errors.count", "number"},
      {"sample.index", "number"},
      {"sample.loss", "number"},
      {"sample.output", "number"},
      {"sample.outputs.#", "number"},
      {"sample.outputs.count", "number"},
      {"sample.target", "number"},
      {"sample.targets.#", "number"},
      {"sample.targets.count", "number"},
      {"samples_test", "number"},
      {"samples_train", "number"},
      {"speed", "number"},
      {"update_size.#", "number"},
      {"update_size.count", "number"},
  };
  std::map<std::string, std::string> now;
  for (const auto& [key, value] : lessons::state_schema()) now[key] = lessons::type_name(value);
  EXPECT_EQ(now, frozen);
}

// Compares two JSON documents: the same keys and types, numbers within 1e-12 relative.
void expect_same(const nlohmann::json& got, const nlohmann::json& want, const std::string& at) {
  if (want.is_number()) {
    ASSERT_TRUE(got.is_number()) << at;
    const double g = got.get<double>(), w = want.get<double>();
    EXPECT_LE(std::fabs(g - w), 1e-12 * std::max(1.0, std::fabs(w))) << at;
    return;
  }
  ASSERT_EQ(got.type(), want.type()) << at;
  if (want.is_object()) {
    for (const auto& [key, value] : want.items()) {
      ASSERT_TRUE(got.contains(key)) << at << "." << key << " is missing";
      expect_same(got[key], value, at + "." + key);
    }
    for (const auto& [key, value] : got.items())
      EXPECT_TRUE(want.contains(key)) << at << "." << key << " is new";
  } else if (want.is_array()) {
    ASSERT_EQ(got.size(), want.size()) << at;
    for (std::size_t k = 0; k < want.size(); ++k) expect_same(got[k], want[k], at + "." + std::to_string(k));
  } else {
    EXPECT_EQ(got, want) << at;
  }
}

// The values, too, for one set-up with momentum, L2, a hidden pair of layers and a selected weight
// in the middle layer, after five iterations: taken from the lab before its state became typed.
TEST(StateSchema, ValuesOfAKnownSetUp) {
  lab::Lab l;
  lab::Settings s;
  ASSERT_TRUE(lab::decode_hash("ds=xor&n=60&h=3,2&lr=0.1&mom=0.5&bs=7&l2=0.01&seed=3&speed=1", &s));
  ASSERT_TRUE(l.apply(s));
  for (int k = 0; k < 5; ++k) l.step();
  ASSERT_TRUE(l.inspector().select_weight(2, 1, 2));
  l.inspector().selection().sample = 4;
  l.inspector().selection().step = 6;
  const nlohmann::json want = nlohmann::json::parse(R"json({"accuracy_test":0.5333333333333333,"accuracy_train":0.43333333333333335,"activation":"tanh","batch_size":7,"confusion":[9,9,8,4],"dataset":"xor","diverged":false,"divergence_message":"","epoch":1,"epochs_since_change":1.0,"errors":{"mse":0.27372312993115666,"rmse":0.5231855597502254,"sse":8.2116938979347},"gradient_size":[0.01582662996308153,0.009957515141928708,0.019901148621293326],"hash":"ds=xor&n=60&noise=0.1&ratio=0.5&dseed=1&f=x1,x2&h=3,2&act=tanh&out=sigmoid&loss=half-sse&init=xavier&seed=3&lr=0.1&mom=0.5&bs=7&l1=0&l2=0.01&speed=1","hidden":[3,2],"inspector":{"dE_dtheta":-0.07021321302527986,"dE_dy":-0.10351236648544719,"gradient":0.010405560338577065,"input":2,"layer":2,"sample":4,"slope":0.002343296499763249,"step":6,"theta":-0.6433547548805638,"unit":1,"value":0.3884904199856477,"weight":"w12","y":-0.5671794376870121,"y_input":-0.14819946118732102},"iteration":5,"iterations_per_epoch":5,"l1":0.0,"l2":0.01,"learning_rate":0.1,"loss":"half-sse","loss_axis":"iteration","loss_test":0.1292881506623963,"loss_train":0.13686156496557833,"markers":0,"momentum":0.5,"output_activation":"sigmoid","outputs":1,"running":false,"sample":{"error":-0.6450232801843419,"errors":[-0.6450232801843419],"index":4,"loss":0.20802751598988398,"output":0.3549767198156582,"outputs":[0.3549767198156582],"target":1.0,"targets":[1.0]},"samples_test":30,"samples_train":30,"speed":1,"update_size":[0.00217903973898315,0.0019150481937157812,0.003795223428276902]})json");
  expect_same(nlohmann::json(lab::snapshot(l)), want, "state");
}

}  // namespace
