#include "help_marker.h"

#include <algorithm>

#include "imgui.h"
#include "item_registry.h"
#include "wrapped_text.h"

namespace bplab {

void help_marker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::BeginItemTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    text_wrapped(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void same_line_if_fits(float width) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine();
}

void fit_next_item_width(float preferred, const char* label, bool help) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float beside = ImGui::CalcTextSize(label, nullptr, true).x + style.ItemInnerSpacing.x;
  if (help) beside += style.ItemSpacing.x + ImGui::CalcTextSize("(?)").x;
  const float fits = ImGui::GetContentRegionAvail().x - beside;
  ImGui::SetNextItemWidth(std::max(std::min(preferred, fits), ImGui::GetFontSize() * 3.0f));
}

bool named_button(const char* label) {
  const bool pressed = ImGui::Button(label);
  item_registry::record(label);
  return pressed;
}

}  // namespace bplab
