// Small widgets shared by the panels: the "(?)" help marker with a plain-words tooltip (as in
// imgui_demo.cpp), and named items whose screen rectangles tests can look up.
#pragma once

namespace bplab {

// A greyed "(?)" on the same line that shows `text` while hovered.
void help_marker(const char* text);

// ImGui::Button that records its rectangle under `label` for window.lab.itemRect().
bool named_button(const char* label);

// ImGui::SameLine() when an item `width` px wide still fits before the window's right edge;
// otherwise the item starts a new line (imgui_demo.cpp's "Manual wrapping").
void same_line_if_fits(float width);

// Sets the next item's width to `preferred` px, or less where the item, its label and a help marker
// (when `help`) would pass the window's right edge: a narrow panel (1024×600) shortens the field
// rather than cutting off its label.
void fit_next_item_width(float preferred, const char* label, bool help);

}  // namespace bplab
