#include "settings.h"

#include <cmath>
#include <string>

#include "generators.h"

namespace lab {

const std::vector<ControlInfo>& control_names() {
  static const std::vector<ControlInfo> names = {
      {kControlData, "data"}, {kControlFeatures, "features"}, {kControlArch, "arch"},
      {kControlLoss, "loss"}, {kControlHyper, "hyper"},       {kControlReg, "reg"},
      {kControlIo, "io"},
  };
  return names;
}

bool Settings::operator==(const Settings& o) const {
  return !data_changed(*this, o) && !architecture_changed(*this, o) &&
         hyper.learning_rate == o.hyper.learning_rate && hyper.momentum == o.hyper.momentum &&
         hyper.batch_size == o.hyper.batch_size && hyper.l1 == o.hyper.l1 &&
         hyper.l2 == o.hyper.l2 && speed == o.speed && steady_frames == o.steady_frames &&
         hidden_controls == o.hidden_controls && landscape == o.landscape &&
         loss_axis == o.loss_axis;
}

const char* loss_axis_name(LossAxis axis) {
  return axis == LossAxis::Epochs ? "epoch" : "iteration";
}

bool data_changed(const Settings& a, const Settings& b) {
  return a.dataset != b.dataset || a.samples != b.samples || a.noise != b.noise ||
         a.train_ratio != b.train_ratio || a.data_seed != b.data_seed;
}

bool architecture_changed(const Settings& a, const Settings& b) {
  return a.features != b.features || a.hidden != b.hidden || a.outputs != b.outputs ||
         a.hidden_activation != b.hidden_activation || a.output_activation != b.output_activation ||
         a.loss != b.loss || a.init != b.init || a.seed != b.seed;
}

std::vector<bp::LayerSpec> layer_specs(const Settings& s) {
  std::vector<bp::LayerSpec> specs;
  specs.push_back({bp::feature_count(s.features), bp::ActivationId::Linear});
  for (int units : s.hidden) specs.push_back({units, s.hidden_activation});
  specs.push_back({s.outputs, s.output_activation});
  return specs;
}

std::string fit_outputs(Settings* s, int custom_targets) {
  const bp::DatasetInfo* kind = bp::find_dataset_kind(s->dataset);
  if (s->dataset != "custom" && !kind) return "";
  s->outputs = kind ? kind->targets() : custom_targets;
  const bp::ActivationId out = s->output_activation;
  const bp::LossId loss = s->loss;
  if (kind && kind->classes >= 3) {
    s->output_activation = bp::ActivationId::Softmax;
    s->loss = bp::LossId::Ce;
  } else if (s->outputs == 1 && out == bp::ActivationId::Softmax) {
    s->output_activation = bp::ActivationId::Sigmoid;
    if (loss == bp::LossId::Ce) s->loss = bp::LossId::HalfSse;
  }
  if (s->output_activation == out && s->loss == loss) return "";
  return std::string(kind ? kind->name : "The data") + ": " +
         (s->outputs > 1 ? std::to_string(s->outputs) + " classes, so the output is " : "one output, so ") +
         bp::activation(s->output_activation).name + " with loss " + bp::loss(s->loss).name + ".";
}

bp::Status validate(const Settings& s) {
  using bp::Status;
  if (s.dataset != "custom" && !bp::find_dataset_kind(s.dataset))
    return Status::error("data set: unknown \"" + s.dataset.substr(0, 32) + "\"");
  if (s.samples < 2 || s.samples > kMaxLabSamples)
    return Status::error("samples: must be 2 … " + std::to_string(kMaxLabSamples));
  if (!(s.noise >= 0 && s.noise <= 1)) return Status::error("noise: must be in [0, 1]");
  if (!(s.train_ratio >= 0.1 && s.train_ratio <= 0.9))
    return Status::error("train/test ratio: must be in [0.1, 0.9]");
  if (bp::feature_count(s.features) < 1 || s.features >> bp::features().size())
    return Status::error("features: select at least one input feature");
  if (static_cast<int>(s.hidden.size()) > kMaxHiddenLayers)
    return Status::error("hidden layers: at most " + std::to_string(kMaxHiddenLayers));
  for (std::size_t l = 0; l < s.hidden.size(); ++l)
    if (s.hidden[l] < 1 || s.hidden[l] > kMaxNeurons)
      return Status::error("hidden layer " + std::to_string(l + 1) + ": neurons must be 1 … " +
                           std::to_string(kMaxNeurons));
  if (bp::activation(s.hidden_activation).output_only)
    return Status::error(std::string("hidden activation: ") +
                         bp::activation(s.hidden_activation).name + " is for the output layer only");
  if (s.outputs < 1 || s.outputs > kMaxOutputs)
    return Status::error("outputs: must be 1 … " + std::to_string(kMaxOutputs));
  // A single output unit: softmax would be the constant 1.
  if (s.output_activation == bp::ActivationId::Softmax && s.outputs < 2)
    return Status::error("output activation: softmax needs several outputs; the lab has one");
  const bp::Loss& loss = bp::loss(s.loss);
  if (loss.required_output && *loss.required_output != s.output_activation)
    return Status::error(std::string("loss ") + loss.name + " needs a " +
                         bp::activation(*loss.required_output).name + " output");
  if (Status h = bp::validate(s.hyper); !h) return h;
  if (s.speed < 0 || s.speed > 1000) return Status::error("speed: must be 0 (max) … 1000");
  return Status::ok();
}

}  // namespace lab
