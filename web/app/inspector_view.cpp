#include "inspector_view.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "activation.h"
#include "gradcheck.h"
#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"

namespace bplab {
namespace {

// Where the walk-through is, decoded from the step counter (see Lab::inspector_steps()).
struct Phase {
  enum Kind { Input, Forward, BackwardTheta, BackwardY, BackwardW, Update } kind;
  int layer;  // the layer this step computes
};

Phase phase_of(int step, int num_layers) {
  const int weight_layers = num_layers - 1;
  if (step == 0) return {Phase::Input, 0};
  if (step <= weight_layers) return {Phase::Forward, step};
  const int back = step - weight_layers - 1;
  if (back < 3 * weight_layers) {
    const int layer = num_layers - 1 - back / 3;
    static const Phase::Kind kinds[] = {Phase::BackwardTheta, Phase::BackwardY, Phase::BackwardW};
    return {kinds[back % 3], layer};
  }
  return {Phase::Update, num_layers - 1};
}

// Whether the value of `kind` for `layer` has been computed by the current step.
bool revealed(const Phase& now, Phase::Kind kind, int layer, int num_layers) {
  auto rank = [&](Phase::Kind k, int l) {
    switch (k) {
      case Phase::Input: return 0;
      case Phase::Forward: return l;
      case Phase::BackwardTheta:
      case Phase::BackwardY:
      case Phase::BackwardW:
        return num_layers - 1 + 3 * (num_layers - 1 - l) + (k - Phase::BackwardTheta) + 1;
      case Phase::Update: return 4 * (num_layers - 1) + 1;
    }
    return 0;
  };
  return rank(kind, layer) <= rank(now.kind, now.layer);
}

void selection_controls(UiContext& ui) {
  lab::Lab& l = ui.lab;
  lab::InspectorSelection& sel = l.inspector();
  const bp::Network& net = l.network();
  const int n = l.train_set().size();
  if (n > 0) {
    int sample = std::min(sel.sample, n - 1);
    if (ImGui::SliderInt("Sample", &sample, 0, n - 1)) sel.sample = sample;
    item_registry::record("Sample");
    help_marker("The training sample whose forward and backward pass is shown.");
  }
  int layer = sel.layer, unit = sel.unit, input = sel.input;
  bool changed = ImGui::SliderInt("Weight layer", &layer, 1, net.num_layers() - 1);
  item_registry::record("Weight layer");
  layer = std::clamp(layer, 1, net.num_layers() - 1);
  changed |= ImGui::SliderInt("To unit j", &unit, 0, net.size(layer) - 1);
  item_registry::record("To unit j");
  changed |= ImGui::SliderInt("From unit i", &input, 0, net.size(layer - 1) - 1);
  item_registry::record("From unit i");
  help_marker("The weight w_ji from unit i of the layer below to unit j. Clicking a connection in "
              "the network diagram selects it too.");
  if (changed) l.select_weight(layer, std::clamp(unit, 0, net.size(layer) - 1),
                               std::clamp(input, 0, net.size(layer - 1) - 1));
}

void step_controls(UiContext& ui) {
  lab::InspectorSelection& sel = ui.lab.inspector();
  const int last = ui.lab.inspector_steps() - 1;
  sel.step = std::clamp(sel.step, 0, last);
  ImGui::BeginDisabled(sel.step == 0);
  if (named_button("Back")) --sel.step;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(sel.step == last);
  if (named_button("Next step")) ++sel.step;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (named_button("Show all")) sel.step = last;
  ImGui::SameLine();
  if (named_button("Restart")) sel.step = 0;
  ImGui::SameLine();
  ImGui::Text("step %d / %d", sel.step + 1, last + 1);
}

// The per-unit table of θ, y, ∂E/∂θ, ∂E/∂y, blank where the walk has not reached yet.
void unit_table(const lab::Lab& l, const bp::Trace& tr, const Phase& now) {
  const bp::Network& net = l.network();
  const int L = net.num_layers();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("units", 5, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 9)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* h : {"unit", "θ", "y", "∂E/∂θ", "∂E/∂y"}) ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (int layer = 0; layer < L; ++layer) {
    for (int j = 0; j < net.size(layer); ++j) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text(layer == 0 ? "x%d" : "L%d.%d", layer == 0 ? j + 1 : layer, j + 1);
      auto cell = [&](bool show, double v) {
        ImGui::TableNextColumn();
        if (show) ImGui::Text("%.6f", v);
      };
      const bool fwd = layer == 0 || revealed(now, Phase::Forward, layer, L);
      cell(layer > 0 && fwd, layer > 0 ? tr.theta[layer][j] : 0.0);
      cell(fwd, tr.y[layer][j]);
      cell(layer > 0 && revealed(now, Phase::BackwardTheta, std::max(layer, 1), L),
           layer > 0 ? tr.dE_dtheta[layer][j] : 0.0);
      // ∂E/∂y of layer k is produced by the BackwardY step of layer k + 1 (or the loss at the top).
      const bool dy = layer == L - 1 ? revealed(now, Phase::BackwardTheta, layer, L)
                                     : revealed(now, Phase::BackwardY, layer + 1, L);
      cell(dy, tr.dE_dy[layer][j]);
    }
  }
  ImGui::EndTable();
}

// The formulas of the selected weight with the numbers of this sample, up to the current step.
void weight_formulas(UiContext& ui, const bp::Trace& tr, const Phase& now) {
  const lab::Lab& l = ui.lab;
  const bp::Network& net = l.network();
  const lab::InspectorSelection& sel = l.inspector();
  const int L = net.num_layers(), lj = sel.layer, j = sel.unit, i = sel.input;
  const std::string w_name = l.weight_name(lj, j, i);
  const double w = net.weight(lj, j, i);
  const bp::Activation& act = bp::activation(net.activation(lj));
  ImGui::SeparatorText(("Selected weight " + w_name).c_str());
  ImGui::Text("%s = %.6f  (from unit %d of layer %d to unit %d of layer %d)", w_name.c_str(), w,
              i + 1, lj - 1, j + 1, lj);
  if (revealed(now, Phase::Forward, lj, L)) {
    ImGui::Text("θ_j = Σ_i w_ji·y_i + b_j = %.6f", tr.theta[lj][j]);
    ImGui::Text("y_j = f(θ_j), %s:  y_j = %.6f", act.f_formula, tr.y[lj][j]);
  }
  if (revealed(now, Phase::BackwardTheta, lj, L)) {
    if (lj == L - 1)
      ImGui::Text("loss %s at the output: ∂E/∂y_j = %.6f", ui.lab.trainer().loss().name,
                  tr.dE_dy[lj][j]);
    ImGui::Text("∂E/∂θ_j = f′(θ_j)·∂E/∂y_j  (%s) = %.6f", act.df_formula, tr.dE_dtheta[lj][j]);
  }
  if (revealed(now, Phase::BackwardY, lj, L))
    ImGui::Text("∂E/∂y_i = Σ_j w_ji·∂E/∂θ_j = %.6f  (sent to layer %d)", tr.dE_dy[lj - 1][i], lj - 1);
  if (!revealed(now, Phase::BackwardW, lj, L)) return;
  const double g = tr.dE_dtheta[lj][j] * tr.y[lj - 1][i];
  ImGui::Text("∂E/∂%s = ∂E/∂θ_j · y_i = %.6f × %.6f = %.8f", w_name.c_str(), tr.dE_dtheta[lj][j],
              tr.y[lj - 1][i], g);
  // The central difference over this one sample, from the engine.
  bp::Network copy = net;
  const int sample = std::min(sel.sample, l.train_set().size() - 1);
  const double numeric = bp::numerical_gradient(&copy, ui.lab.trainer().loss(), l.train_set(),
                                                &sample, 1, net.weight_offset(lj) + std::size_t(j) * net.size(lj - 1) + i);
  ImGui::Text("numerical check (E(w+ε) − E(w−ε)) / 2ε = %.8f   difference %.2e", numeric,
              std::abs(numeric - g));
  help_marker("The analytic value from the chain rule and a finite-difference estimate with "
              "ε = 10⁻⁶ agree to many digits when backpropagation is right.");
  if (!revealed(now, Phase::Update, L - 1, L)) return;
  const bp::Hyperparams& h = ui.lab.settings().hyper;
  const std::size_t p = net.weight_offset(lj) + std::size_t(j) * net.size(lj - 1) + i;
  const double v = ui.lab.trainer().velocity()[p];
  const double v_new = h.momentum * v - h.learning_rate * g;
  ImGui::Text("v ← μ·v − η·g = %.3g × %.6f − %.4g × %.8f = %.8f", h.momentum, v, h.learning_rate,
              g, v_new);
  ImGui::Text("%s ← %s + v = %.8f", w_name.c_str(), w_name.c_str(), w + v_new);
  help_marker("This is the update if this sample were the whole batch (online learning). With a "
              "larger batch the trainer averages g over the batch's samples first.");
}

}  // namespace

void draw_inspector_view(UiContext& ui) {
  if (ui.lab.train_set().size() == 0) {
    ImGui::TextWrapped("No training samples: add points on the output map or pick a data set.");
    return;
  }
  selection_controls(ui);
  step_controls(ui);
  const bp::Trace tr = ui.lab.inspector_trace();
  const Phase now = phase_of(ui.lab.inspector().step, ui.lab.network().num_layers());
  static const char* kPhaseText[] = {
      "The input: y of layer 0 is the sample's features.",
      "Forward: θ_j = Σ_i w_ji·y_i + b_j, then y_j = f(θ_j), layer by layer.",
      "Backward: ∂E/∂θ_j = f′(θ_j)·∂E/∂y_j — how the error changes with the unit's net input.",
      "Backward: ∂E/∂y_i = Σ_j w_ji·∂E/∂θ_j — the error sent back to the layer below.",
      "Backward: ∂E/∂w_ji = ∂E/∂θ_j·y_i — the gradient of each weight into this layer.",
      "Update: v ← μ·v − η·g, w ← w + v.",
  };
  ImGui::TextWrapped("%s", kPhaseText[now.kind]);
  if (now.kind != Phase::Input && now.kind != Phase::Update) ImGui::Text("Layer %d", now.layer);
  unit_table(ui.lab, tr, now);
  weight_formulas(ui, tr, now);
}

}  // namespace bplab
