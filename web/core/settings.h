// Settings: everything a learner can set in the lab, as one value. It is what the URL hash encodes,
// what a lesson step applies, and what the lab compares to decide what must be rebuilt.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "activation.h"
#include "input_features.h"
#include "init.h"
#include "landscape_options.h"
#include "loss.h"
#include "trainer.h"

namespace lab {

// Controls a teacher can hide with "classroom" flags in the link (hide=data,arch,…).
enum Control : std::uint32_t {
  kControlData = 1u << 0,      // data set, noise, ratio, regenerate, points
  kControlFeatures = 1u << 1,  // input features
  kControlArch = 1u << 2,      // layers, neurons, activations, initialisation
  kControlLoss = 1u << 3,      // loss function
  kControlHyper = 1u << 4,     // learning rate, momentum, batch size
  kControlReg = 1u << 5,       // L1/L2
  kControlIo = 1u << 6,        // import / export
};
struct ControlInfo {
  Control control;
  const char* name;
};
const std::vector<ControlInfo>& control_names();

// What the loss curve's x axis counts: iterations (updates), or epochs (passes over the training
// set, ⌈N/B⌉ iterations each).
enum class LossAxis { Iterations, Epochs };
// "iteration" or "epoch": the axis as the link's lx= and state().loss_axis write it.
const char* loss_axis_name(LossAxis axis);

struct Settings {
  // Data
  std::string dataset = "circle";  // a generator name, or "custom" (imported or clicked points)
  int samples = 400;
  double noise = 0.1;
  double train_ratio = 0.5;
  std::uint64_t data_seed = 1;
  // Network
  std::uint32_t features = bp::kDefaultFeatures;
  std::vector<int> hidden = {4, 2};  // units per hidden layer
  // Output units: one per target of the data. Generated sets have one target, or one per class
  // from 3 classes on; custom data (a CSV or a lesson's data) may carry several, and the lab sets
  // this from it (fit_outputs; not part of the link).
  int outputs = 1;
  bp::ActivationId hidden_activation = bp::ActivationId::Tanh;
  bp::ActivationId output_activation = bp::ActivationId::Sigmoid;
  bp::LossId loss = bp::LossId::HalfSse;
  bp::InitId init = bp::InitId::Xavier;
  std::uint64_t seed = 1;
  // Training
  bp::Hyperparams hyper{0.03, 0.0, 10, 0.0, 0.0};
  // Iterations per frame; 0 = as many as the frame's time budget allows. 200 by default, so the
  // default lab visibly learns within seconds of Play (its loss halves within 3 s at 60 fps,
  // tests/lessons/test_first_minute.cpp); lessons that want to be watched step by step set their own.
  int speed = 200;
  // Display
  bool steady_frames = true;  // pace frames at a steady rate (bplab::FramePacer); off: as fast as drawn
  LandscapeOptions landscape;  // the Landscape view's plane, grid and range
  LossAxis loss_axis = LossAxis::Iterations;
  // Classroom
  std::uint32_t hidden_controls = 0;  // bit mask of Control

  bool operator==(const Settings& o) const;
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

// What changing from a to b invalidates.
bool data_changed(const Settings& a, const Settings& b);
bool architecture_changed(const Settings& a, const Settings& b);  // includes features, loss, init

// The layer list of the network these settings describe (input = selected features, `outputs`
// output units).
std::vector<bp::LayerSpec> layer_specs(const Settings& s);

// Fits the output layer to the data: s->outputs = the data's target columns (`custom_targets` for
// custom data, DatasetInfo::targets() of a generated set). A generated set of 3 or more classes
// takes a softmax output with cross-entropy (one unit per class, E = −ln y_class); one output unit
// cannot be softmax (it would be the constant 1): it becomes sigmoid, and cross-entropy half-SSE.
// Returns a sentence saying what it changed, or "" when nothing. An unknown data set is left for
// validate() to name.
std::string fit_outputs(Settings* s, int custom_targets);

// Checks the ranges a link, a lesson or a text field may set. Names the first bad field.
bp::Status validate(const Settings& s);

// Documented limits of the lab (beyond the engine's own).
constexpr int kMaxHiddenLayers = 6;
constexpr int kMaxNeurons = 16;     // per hidden layer in the lab's diagram
constexpr int kMaxLabSamples = 5000;
constexpr int kMaxOutputs = 8;     // targets per sample of custom data

}  // namespace lab
