// Small widgets shared by the panels: the "(?)" help marker with a plain-words tooltip (as in
// imgui_demo.cpp), and named items whose screen rectangles tests can look up.
#pragma once

namespace bplab {

// A greyed "(?)" on the same line that shows `text` while hovered.
void help_marker(const char* text);

// ImGui::Button that records its rectangle under `label` for window.lab.itemRect().
bool named_button(const char* label);

}  // namespace bplab
