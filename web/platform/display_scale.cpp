#include "display_scale.h"

#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"

namespace bplab {

void apply_ui_scale(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(io.DisplaySize.x / scale, io.DisplaySize.y / scale);
  io.DisplayFramebufferScale = ImVec2(io.DisplayFramebufferScale.x * scale, io.DisplayFramebufferScale.y * scale);
  // Events stay queued until ImGui uses them (it trickles them over frames): each is scaled once,
  // by its increasing EventId.
  static ImU32 scaled_up_to = 0;
  for (ImGuiInputEvent& e : ImGui::GetCurrentContext()->InputEventsQueue) {
    if (e.EventId <= scaled_up_to) continue;
    scaled_up_to = e.EventId;
    if (e.Type != ImGuiInputEventType_MousePos || e.MousePos.PosX == -FLT_MAX) continue;
    e.MousePos.PosX /= scale;
    e.MousePos.PosY /= scale;
  }
}

float device_pixels_per_unit() {
  return std::round(ImGui::GetIO().DisplayFramebufferScale.x * 100.0f) / 100.0f;
}

}  // namespace bplab
