#include "drawn_windows.h"

#include <imgui_internal.h>

namespace bplab {

std::vector<DrawnWindow> drawn_windows() {
  std::vector<DrawnWindow> out;
  for (const ImGuiWindow* w : GImGui->Windows) {
    if (!w->Active || w->Hidden) continue;
    const ImGuiWindow* root = w->RootWindow;
    const bool overlay = (root->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) != 0;
    out.push_back({w->DrawList, w->ID, root->ID, root->Pos,
                   ImVec2(root->Pos.x + root->Size.x, root->Pos.y + root->Size.y), overlay});
  }
  return out;
}

}  // namespace bplab
