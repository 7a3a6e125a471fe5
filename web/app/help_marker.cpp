#include "help_marker.h"

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

bool named_button(const char* label) {
  const bool pressed = ImGui::Button(label);
  item_registry::record(label);
  return pressed;
}

}  // namespace bplab
