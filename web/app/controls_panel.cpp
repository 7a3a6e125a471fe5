#include "controls_panel.h"

#include <algorithm>
#include <string>

#include "generators.h"
#include "help_marker.h"
#include "imgui.h"
#include "init.h"
#include "input_features.h"
#include "item_registry.h"
#include "wrapped_text.h"

namespace bplab {
namespace {

using lab::Settings;

// Slider over doubles; Ctrl+click types an exact value (not clamped: validation decides).
bool slider_double(const char* label, double* v, double lo, double hi, bool log_scale,
                   const char* format = "%.4g") {
  const ImGuiSliderFlags flags =
      log_scale ? ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_NoRoundToFormat : 0;
  const bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, v, &lo, &hi, format, flags);
  item_registry::record(label);
  return changed;
}

bool slider_int(const char* label, int* v, int lo, int hi, bool log_scale) {
  const ImGuiSliderFlags flags = log_scale ? ImGuiSliderFlags_Logarithmic : 0;
  const bool changed = ImGui::SliderInt(label, v, lo, hi, "%d", flags);
  item_registry::record(label);
  return changed;
}

// A combo over a list of names; returns true when the selection changed. While it is open each
// entry's rectangle is recorded as "<label>: <name>" ("Loss: bce").
template <typename List, typename NameOf, typename Enabled>
bool combo(const char* label, int* index, const List& items, NameOf name_of, Enabled enabled) {
  bool changed = false;
  if (ImGui::BeginCombo(label, name_of(items[*index]))) {
    for (int k = 0; k < static_cast<int>(items.size()); ++k) {
      ImGui::BeginDisabled(!enabled(items[k]));
      if (ImGui::Selectable(name_of(items[k]), k == *index)) {
        changed = k != *index;
        *index = k;
      }
      item_registry::record((std::string(label) + ": " + name_of(items[k])).c_str());
      ImGui::EndDisabled();
    }
    ImGui::EndCombo();
  }
  item_registry::record(label);
  return changed;
}

void training_section(UiContext& ui) {
  lab::Lab& session = ui.lab;
  ImGui::BeginDisabled(ui.training_locked);
  if (named_button(session.running() ? "Pause" : "Play")) session.set_running(!session.running());
  help_marker("Train continuously (Space). Each frame runs some iterations: one batch forward, "
              "one backward pass, one update of every weight.");
  ImGui::SameLine();
  if (named_button("Step")) session.step();
  help_marker("One iteration: the next batch forward and backward, then w ← w + v with "
              "v ← μ·v − η·∂E/∂w.");
  ImGui::SameLine();
  if (named_button("Step epoch")) session.step_epoch();
  help_marker("Iterations until every training sample has been used once.");
  ImGui::SameLine();
  if (named_button("Reset")) {
    session.reset();
    ui.notice = "Weights re-initialised under the seed; history cleared.";
  }
  help_marker("Draw fresh initial weights from the seed and clear the loss curve.");
  ImGui::EndDisabled();

  Settings s = session.settings();
  static const int kSpeeds[] = {1, 2, 5, 10, 50, 200, 0};
  static const std::vector<const char*> kSpeedNames = {
      "1 / frame", "2 / frame", "5 / frame", "10 / frame", "50 / frame", "200 / frame", "max"};
  int speed_index = static_cast<int>(std::find(std::begin(kSpeeds), std::end(kSpeeds), s.speed) -
                                     std::begin(kSpeeds));
  if (speed_index == IM_ARRAYSIZE(kSpeeds)) speed_index = 0;
  const auto every = [](const char*) { return true; };
  if (combo("Speed", &speed_index, kSpeedNames, [](const char* n) { return n; }, every)) {
    s.speed = kSpeeds[speed_index];
    ui.apply(s);
  }
  help_marker("Iterations per frame while playing, within a few ms of training a frame: a large network "
              "on a slow computer makes fewer a frame (the same iterations, over more frames). "
              "\"max\" trains as much as fits in the frame without making the page stutter.");
  if (ImGui::Checkbox("Steady frame rate", &s.steady_frames)) ui.apply(s);
  item_registry::record("Steady frame rate");
  help_marker("On: when the page cannot draw every frame of the display in time, it draws every "
              "second (or third) one, at a steady 30 (or 20) frames per second instead of a "
              "juddering mix, and \"max\" trains in the time left over. Off: frames as fast "
              "as they can be drawn.");
}

void hyper_section(UiContext& ui) {
  Settings s = ui.lab.settings();
  bool changed = false;
  changed |= slider_double("Learning rate", &s.hyper.learning_rate, 1e-4, 10.0, true);
  help_marker("η: how far each update moves the weights along −∂E/∂w. Too small: slow. Too "
              "large: the error jumps around or explodes. Ctrl+click to type a value.");
  changed |= slider_double("Momentum", &s.hyper.momentum, 0.0, 0.99, false, "%.3g");
  help_marker("μ: the fraction of the previous step kept in the next, v ← μ·v − η·g. Smooths the "
              "path and speeds it up along ravines; μ near 1 overshoots.");
  const int n_train = std::max(1, ui.lab.train_set().size());
  changed |= slider_int("Batch size", &s.hyper.batch_size, 1, n_train, true);
  help_marker("Samples per iteration. 1 = online learning (noisy); the whole training set = full "
              "batch (smooth, one update per epoch).");
  if (changed) ui.apply(s);
}

void network_section(UiContext& ui) {
  Settings s = ui.lab.settings();
  bool changed = false;
  ImGui::Text("Hidden layers: %d", static_cast<int>(s.hidden.size()));
  ImGui::SameLine();
  if (named_button("+ layer") && static_cast<int>(s.hidden.size()) < lab::kMaxHiddenLayers) {
    s.hidden.push_back(s.hidden.empty() ? 4 : s.hidden.back());
    changed = true;
  }
  ImGui::SameLine();
  if (named_button("- layer") && !s.hidden.empty()) {
    s.hidden.pop_back();
    changed = true;
  }
  help_marker("Hidden layers between the inputs and the output. Without one, the network can only "
              "draw a straight decision boundary.");
  for (std::size_t l = 0; l < s.hidden.size(); ++l) {
    const std::string label = "Neurons " + std::to_string(l + 1);
    changed |= slider_int(label.c_str(), &s.hidden[l], 1, lab::kMaxNeurons, false);
  }

  auto activation_name = [](const bp::Activation& a) { return a.name; };
  int hidden_act = static_cast<int>(s.hidden_activation);
  if (combo("Hidden activation", &hidden_act, bp::activations(), activation_name,
            [](const bp::Activation& a) { return !a.output_only; })) {
    s.hidden_activation = static_cast<bp::ActivationId>(hidden_act);
    changed = true;
  }
  help_marker("f in y = f(θ) for the hidden units. sigmoid and tanh saturate (small gradients far "
              "from 0); relu does not for θ > 0.");
  int out_act = static_cast<int>(s.output_activation);
  if (combo("Output activation", &out_act, bp::activations(), activation_name,
            [](const bp::Activation& a) { return !a.output_only; })) {
    s.output_activation = static_cast<bp::ActivationId>(out_act);
    const bp::Loss& loss = bp::loss(s.loss);
    if (loss.required_output && *loss.required_output != s.output_activation)
      s.loss = bp::LossId::HalfSse;
    changed = true;
  }
  help_marker("f of the output unit: sigmoid for classes 0/1, linear for regression.");
  int loss_index = static_cast<int>(s.loss);
  ImGui::BeginDisabled(ui.locked_controls & lab::kControlLoss);
  if (combo("Loss", &loss_index, bp::losses(), [](const bp::Loss& l) { return l.name; },
            [](const bp::Loss& l) { return l.id != bp::LossId::Ce; })) {
    s.loss = static_cast<bp::LossId>(loss_index);
    const bp::Loss& loss = bp::loss(s.loss);
    if (loss.required_output) s.output_activation = *loss.required_output;
    changed = true;
  }
  ImGui::EndDisabled();
  help_marker(bp::loss(s.loss).formula);

  static const std::vector<bp::InitId> kInits = {bp::InitId::Uniform, bp::InitId::Xavier, bp::InitId::He};
  int init_index = static_cast<int>(s.init);
  if (combo("Initialisation", &init_index, kInits, [](bp::InitId id) { return bp::init_name(id); },
            [](bp::InitId) { return true; })) {
    s.init = kInits[init_index];
    changed = true;
  }
  help_marker("How the first weights are drawn: uniform U(−0.5, 0.5); xavier U(±√(6/(n_in+n_out))); "
              "he N(0, 2/n_in). Biases start at 0.");
  int seed = static_cast<int>(s.seed);
  if (ImGui::InputInt("Seed", &seed) && seed >= 0) {
    s.seed = static_cast<std::uint64_t>(seed);
    changed = true;
  }
  item_registry::record("Seed");
  help_marker("The same seed always gives the same initial weights and batch order.");
  if (changed) ui.apply(s);
}

void regularisation_section(UiContext& ui) {
  Settings s = ui.lab.settings();
  static const std::vector<const char*> kKinds = {"none", "L1", "L2"};
  int kind = s.hyper.l1 > 0 ? 1 : (s.hyper.l2 > 0 ? 2 : 0);
  double rate = std::max(s.hyper.l1, s.hyper.l2);
  bool changed = combo("Regularisation", &kind, kKinds, [](const char* n) { return n; },
                       [](const char*) { return true; });
  help_marker("A penalty on large weights added to the error: L1 λ·Σ|w| pushes weights to exactly "
              "0; L2 ½λ·Σw² shrinks them all. Biases are not penalised.");
  if (kind != 0) {
    if (rate == 0) rate = 1e-3;
    changed |= slider_double("Regularisation rate", &rate, 1e-5, 1.0, true);
  }
  if (changed) {
    s.hyper.l1 = kind == 1 ? rate : 0.0;
    s.hyper.l2 = kind == 2 ? rate : 0.0;
    ui.apply(s);
  }
}

void features_section(UiContext& ui) {
  Settings s = ui.lab.settings();
  bool changed = false;
  for (std::size_t k = 0; k < bp::features().size(); ++k) {
    bool on = (s.features >> k) & 1u;
    if (k % 4) ImGui::SameLine();
    if (ImGui::Checkbox(bp::features()[k].label, &on)) {
      s.features = on ? s.features | (1u << k) : s.features & ~(1u << k);
      changed = true;
    }
    item_registry::record(bp::features()[k].label);
  }
  help_marker("What the input layer sees. With x₁² and x₂² a single neuron can already draw a "
              "circle.");
  if (changed) ui.apply(s);
}

void data_section(UiContext& ui) {
  Settings s = ui.lab.settings();
  bool changed = false;
  std::vector<std::string> names;
  for (const bp::DatasetInfo& k : bp::dataset_kinds()) names.push_back(k.name);
  names.push_back("custom");
  int index = static_cast<int>(std::find(names.begin(), names.end(), s.dataset) - names.begin());
  if (combo("Data set", &index, names, [](const std::string& n) { return n.c_str(); },
            [](const std::string& n) { return n != "custom"; })) {
    s.dataset = names[index];
    changed = true;
  }
  help_marker("circle, xor, gauss and spiral are classes 0/1; plane and sine are regression. "
              "\"custom\" holds imported or clicked points.");
  ImGui::BeginDisabled(s.dataset == "custom");
  changed |= slider_double("Noise", &s.noise, 0.0, 1.0, false, "%.2f");
  help_marker("Random jitter of the inputs (classes) or of the targets (regression).");
  changed |= slider_int("Samples", &s.samples, 10, lab::kMaxLabSamples, true);
  ImGui::EndDisabled();
  changed |= slider_double("Train ratio", &s.train_ratio, 0.1, 0.9, false, "%.2f");
  help_marker("Share of the samples used for training; the rest is the test set, never trained on.");
  if (changed) ui.apply(s);
  if (named_button("Regenerate")) ui.lab.regenerate();
  help_marker("Draw new samples from the next data seed.");
  ImGui::SameLine();
  if (named_button("Clear points")) ui.lab.clear_points();
  help_marker("Remove every point; click on the output map to add points (left: class 1, "
              "right: class 0).");
}

// A collapsing section unless the teacher hid it; its header is recorded under its title, so that
// a lesson step can highlight the section ("Network").
bool section(UiContext& ui, const char* title, std::uint32_t control) {
  if (ui.lab.settings().hidden_controls & control) return false;
  const bool open = ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen);
  item_registry::record(title);
  return open;
}

// Draws a group's controls, disabled while a lesson step locks the group.
template <typename Draw>
void group(UiContext& ui, std::uint32_t control, Draw draw) {
  ImGui::BeginDisabled(ui.locked_controls & control);
  draw(ui);
  ImGui::EndDisabled();
}

}  // namespace

void draw_controls_panel(UiContext& ui) {
  // Leave room right of each widget for its label and "(?)".
  ImGui::PushItemWidth(-ImGui::GetFontSize() * 9.5f);
  training_section(ui);
  if (!(ui.lab.settings().hidden_controls & lab::kControlHyper)) group(ui, lab::kControlHyper, hyper_section);
  if (section(ui, "Network", lab::kControlArch)) group(ui, lab::kControlArch, network_section);
  if (section(ui, "Regularisation##section", lab::kControlReg)) group(ui, lab::kControlReg, regularisation_section);
  if (section(ui, "Input features", lab::kControlFeatures)) group(ui, lab::kControlFeatures, features_section);
  if (section(ui, "Data", lab::kControlData)) group(ui, lab::kControlData, data_section);
  if (!ui.error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", ui.error.c_str());
  if (!ui.notice.empty()) text_wrapped(ui.notice);
  ImGui::PopItemWidth();
}

void handle_play_shortcut(UiContext& ui) {
  // While keyboard navigation shows a focused item, Space is ImGui's "activate" for that item
  // (ImGui acts on it only then: NavVisible); otherwise it is Play/Pause (shortcuts_window.cpp).
  const ImGuiIO& io = ImGui::GetIO();
  if (!ui.training_locked && !io.WantTextInput && !io.NavVisible && ImGui::IsKeyPressed(ImGuiKey_Space, false))
    ui.lab.set_running(!ui.lab.running());
}

}  // namespace bplab
