#include "inspector_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "activation.h"
#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"
#include "wrapped_text.h"

namespace bplab {
namespace {

using lab::InspectorPhase;

void selection_controls(UiContext& ui) {
  lab::Inspector& inspector = ui.lab.inspector();
  lab::InspectorSelection& sel = inspector.selection();
  const bp::Network& net = ui.lab.network();
  const int n = ui.lab.train_set().size();
  // Room for the longest label and its help marker beside each slider.
  ImGui::PushItemWidth(-ImGui::GetFontSize() * 7.5f);
  if (n > 0) {
    int sample = std::min(sel.sample, n - 1);
    if (ImGui::SliderInt("Sample", &sample, 0, n - 1)) sel.sample = sample;
    item_registry::record("Sample");
    help_marker("The training sample whose forward and backward pass is shown.");
  }
  // Units are numbered from 1 on screen, as in the lessons' text; the selection counts from 0.
  int layer = sel.layer, unit = sel.unit + 1, input = sel.input + 1;
  bool bias = sel.is_bias();
  bool changed = ImGui::SliderInt("Weight layer", &layer, 1, net.num_layers() - 1);
  item_registry::record("Weight layer");
  layer = std::clamp(layer, 1, net.num_layers() - 1);
  changed |= ImGui::SliderInt("To unit j", &unit, 1, net.size(layer));
  item_registry::record("To unit j");
  changed |= ImGui::Checkbox("Bias b_j", &bias);
  item_registry::record("Bias b_j");
  help_marker("Select the bias b_j of unit j instead of a weight: θ_j = Σ_i w_ji·y_i + b_j, so "
              "∂E/∂b_j = δ_j = ∂E/∂θ_j. Clicking a unit in the network diagram selects its bias.");
  if (!bias) {
    changed |= ImGui::SliderInt("From unit i", &input, 1, net.size(layer - 1));
    item_registry::record("From unit i");
    help_marker("The weight w_ji from unit i of the layer below to unit j (units counted from 1). "
                "Clicking a connection in the network diagram selects it too.");
  }
  ImGui::PopItemWidth();
  if (!changed) return;
  const int j = std::clamp(unit - 1, 0, net.size(layer) - 1);
  if (bias)
    inspector.select_bias(layer, j);
  else
    inspector.select_weight(layer, j, std::clamp(input - 1, 0, net.size(layer - 1) - 1));
}

// The per-unit table of θ, y, ∂E/∂θ, ∂E/∂y, blank where the walk has not reached yet.
void unit_table(const lab::Lab& session, const bp::Trace& tr) {
  const lab::Inspector& in = session.inspector();
  const bp::Network& net = session.network();
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
      const bool fwd = layer == 0 || in.revealed(InspectorPhase::Forward, layer);
      cell(layer > 0 && fwd, layer > 0 ? tr.theta[layer][j] : 0.0);
      cell(fwd, tr.y[layer][j]);
      cell(layer > 0 && in.revealed(InspectorPhase::BackwardTheta, std::max(layer, 1)),
           layer > 0 ? tr.dE_dtheta[layer][j] : 0.0);
      // ∂E/∂y of layer k is produced by the BackwardY step of layer k + 1 (or the loss at the top).
      const bool dy = layer == L - 1 ? in.revealed(InspectorPhase::BackwardTheta, layer)
                                     : in.revealed(InspectorPhase::BackwardY, layer + 1);
      cell(dy, tr.dE_dy[layer][j]);
    }
  }
  ImGui::EndTable();
}

// One update, term by term: g = ∂E/∂p (+ λ₂·p + λ₁·sign p for a weight), v ← μ·v − η·g, p ← p + v.
void update_lines(const char* name, bool is_bias, const bp::UpdateTerms& u, const bp::Hyperparams& h) {
  if (bp::has_penalty(h) && !is_bias)
    ImGui::Text("g = ∂E/∂%s + λ₂·%s + λ₁·sign(%s) = %.8f + %.4g + %.4g = %.8f", name, name, name,
                u.g_loss, u.g_l2, u.g_l1, u.g);
  else if (bp::has_penalty(h))
    ImGui::Text("g = ∂E/∂%s = %.8f  (no penalty on a bias)", name, u.g);
  else
    ImGui::Text("g = ∂E/∂%s = %.8f", name, u.g);
  ImGui::Text("v ← μ·v − η·g = %.3g × %.6f − %.4g × %.8f = %.8f", h.momentum, u.v_old,
              h.learning_rate, u.g, u.v_new);
  ImGui::Text("%s ← %s + v = %.8f", name, name, u.w_new);
}

// The formulas of the selected weight or bias with the numbers of this sample, up to the current
// step.
void weight_formulas(UiContext& ui, const bp::Trace& tr) {
  const lab::Lab& session = ui.lab;
  const lab::Inspector& in = session.inspector();
  const bp::Network& net = session.network();
  const lab::InspectorSelection& sel = in.selection();
  const int L = net.num_layers(), lj = sel.layer, j = sel.unit, i = sel.input;
  const bool bias = sel.is_bias();
  const std::string p_name = in.weight_name();
  const bp::Activation& act = bp::activation(net.activation(lj));
  ImGui::SeparatorText(((bias ? "Selected bias " : "Selected weight ") + p_name).c_str());
  if (bias)
    ImGui::Text("%s = b_j = %.6f  (the bias of unit %d of layer %d)", p_name.c_str(), in.value(),
                j + 1, lj);
  else
    ImGui::Text("%s = w_ji = %.6f  (from unit %d of layer %d to unit %d of layer %d)",
                p_name.c_str(), in.value(), i + 1, lj - 1, j + 1, lj);
  if (in.revealed(InspectorPhase::Forward, lj)) {
    ImGui::Text("θ_j = Σ_i w_ji·y_i + b_j = %.6f", tr.theta[lj][j]);
    ImGui::Text("y_j = f(θ_j), %s:  y_j = %.6f", act.f_formula, tr.y[lj][j]);
  }
  if (in.revealed(InspectorPhase::BackwardTheta, lj)) {
    if (lj == L - 1)
      ImGui::Text("loss %s at the output: ∂E/∂y_j = %.6f", session.trainer().loss().name,
                  tr.dE_dy[lj][j]);
    const bp::Loss& loss = session.trainer().loss();
    if (lj == L - 1 && loss.df_theta != nullptr)
      // The loss and its output activation together: δ straight from y and t, with no f′ factor
      // (softmax has none per unit: each y_k depends on every θ).
      ImGui::Text("%s with %s: %s = %.6f", loss.name, act.name, loss.df_theta_formula,
                  tr.dE_dtheta[lj][j]);
    else
      ImGui::Text("δ_j = ∂E/∂θ_j = f′(θ_j)·∂E/∂y_j  (%s) = %.6f", act.df_formula, tr.dE_dtheta[lj][j]);
  }
  if (!bias && in.revealed(InspectorPhase::BackwardY, lj))
    ImGui::Text("∂E/∂y_i = Σ_j w_ji·δ_j = %.6f  (sent to layer %d)", tr.dE_dy[lj - 1][i], lj - 1);
  if (!in.revealed(InspectorPhase::BackwardW, lj)) return;
  const bp::UpdateTerms one = in.sample_update();
  if (bias)
    ImGui::Text("∂E/∂%s = δ_j · 1 = %.8f  (θ_j = … + b_j·1)", p_name.c_str(), one.g_loss);
  else
    ImGui::Text("∂E/∂%s = δ_j · y_i = %.6f × %.6f = %.8f", p_name.c_str(), tr.dE_dtheta[lj][j],
                tr.y[lj - 1][i], one.g_loss);
  // The central difference over this one sample, from the engine.
  const double numeric = in.numerical_gradient();
  ImGui::Text("numerical check (E(p+ε) − E(p−ε)) / 2ε = %.8f   difference %.2e", numeric,
              std::abs(numeric - one.g_loss));
  help_marker("The analytic value from the chain rule and a finite-difference estimate with "
              "ε = 10⁻⁶ agree to many digits when backpropagation is right.");
  if (!in.revealed(InspectorPhase::Update, L - 1)) return;
  const bp::Hyperparams& h = session.trainer().hyperparams();
  ImGui::SeparatorText("If this sample were the whole batch");
  update_lines(p_name.c_str(), bias, one, h);
  help_marker("Online learning: the update this one sample's gradient would make, with the "
              "trainer's η, μ, λ and velocity. An illustration: the trainer averages the "
              "gradient over the whole batch first.");
  const int batch = int(session.trainer().next_batch().size());
  ImGui::SeparatorText(("The trainer's next step (batch of " + std::to_string(batch) + ")").c_str());
  update_lines(p_name.c_str(), bias, in.batch_update(), h);
  help_marker("What the next Step will do to this parameter: g is the mean gradient over the next "
              "batch's samples, with the penalty terms on a weight when L1 or L2 is on (never on "
              "a bias). Computed by the engine's own update rule, so Step gives exactly this value.");
}

}  // namespace

void draw_inspector_steps(UiContext& ui) {
  lab::InspectorSelection& sel = ui.lab.inspector().selection();
  const int last = ui.lab.inspector().steps() - 1;
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
  char step[32];
  std::snprintf(step, sizeof step, "step %d / %d", sel.step + 1, last + 1);
  same_line_if_fits(ImGui::CalcTextSize(step).x);
  ImGui::TextUnformatted(step);
}

void draw_inspector_view(UiContext& ui) {
  if (ui.lab.train_set().size() == 0) {
    ImGui::TextWrapped("No training samples: add points on the output map or pick a data set.");
    return;
  }
  selection_controls(ui);
  draw_inspector_steps(ui);
  const lab::Inspector& in = ui.lab.inspector();
  const bp::Trace& tr = in.trace();
  const lab::InspectorStep now = in.step_at(in.selection().step);
  static const char* kPhaseText[] = {
      "The input: y of layer 0 is the sample's features.",
      "Forward: θ_j = Σ_i w_ji·y_i + b_j, then y_j = f(θ_j), layer by layer.",
      "Backward: δ_j = ∂E/∂θ_j = f′(θ_j)·∂E/∂y_j — how the loss changes with the unit's net input.",
      "Backward: ∂E/∂y_i = Σ_j w_ji·δ_j — the error sent back to the layer below.",
      "Backward: ∂E/∂w_ji = δ_j·y_i and ∂E/∂b_j = δ_j — the gradients of this layer's parameters.",
      "Update: g = ∂E/∂w (+ λ₂·w + λ₁·sign w; no penalty on a bias), v ← μ·v − η·g, w ← w + v.",
  };
  text_wrapped(kPhaseText[int(now.phase)]);
  if (now.phase != InspectorPhase::Input && now.phase != InspectorPhase::Update)
    ImGui::Text("Layer %d", now.layer);
  unit_table(ui.lab, tr);
  weight_formulas(ui, tr);
}

}  // namespace bplab
