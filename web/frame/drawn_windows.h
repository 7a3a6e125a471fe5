// The windows ImGui drew this frame, as FrameDamage needs them: which window each draw list belongs
// to, and where its root window lies. Read from ImGui's internal window list, which the public API
// does not offer.
#pragma once
#include <imgui.h>

#include <vector>

namespace bplab {

struct DrawnWindow {
  const ImDrawList* list;  // the window's own draw list
  ImGuiID id;              // the window's
  ImGuiID root;            // its root window's: a child window is drawn as part of its root
  ImVec2 root_min, root_max;
  bool overlay;  // the root is a popup or a tooltip, drawn over the other windows
};

// Every active, visible window of the current ImGui frame (call after ImGui::Render()).
std::vector<DrawnWindow> drawn_windows();

}  // namespace bplab
