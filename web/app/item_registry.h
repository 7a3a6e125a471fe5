// Screen rectangles of named ImGui items.
//
// The whole UI is drawn into one canvas, so a browser test cannot find a widget in the DOM. After
// drawing a widget the app calls record(label); the rectangles of a finished frame stay queryable
// until the next frame ends, which is when tests (through the JS bridge) read them.
#pragma once
#include <optional>
#include <string>

namespace bplab {

// In ImGui display coordinates: logical pixels, which are CSS pixels on the web.
struct ItemRect {
  float x, y, w, h;
};

namespace item_registry {

// Stores the rectangle of the last submitted item (ImGui::GetItemRectMin/Max) under label.
void record(const char* label);
// Publishes the rectangles recorded since the previous call and starts a new, empty set.
void end_frame();
// The rectangle from the last finished frame, or nothing when the label was not drawn then.
std::optional<ItemRect> find(const std::string& label);

}  // namespace item_registry
}  // namespace bplab
