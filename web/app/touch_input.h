// Touch on top of the mouse that SDL makes of a finger (ImGuiMouseSource_TouchScreen): ImGui
// already turns a tap into a click, but has no finger scrolling and no way to type into a slider
// without a Ctrl key.
//
// - A vertical drag scrolls the panel under the finger, unless it started on a slider or drag
//   (the active item then owns the horizontal arrows: ActiveIdUsingNavDirMask), which it moves.
//   Once a drag scrolls, the item it started on is let go, so a button does not fire on release.
// - A finger that touches a slider puts a small "Type" button beside it; tapping that opens the
//   slider for typing, as Ctrl+click does with a mouse.
#pragma once

namespace bplab::touch_input {

// Call once per frame after ImGui::NewFrame(), before the panels.
void begin_frame();
// Draws the "Type" button beside the slider a finger last touched, if any; call after the panels.
void draw_type_button();
// Whether a tap at (x, y), in display units, lands on something that takes typed text: a text
// field of the lab or the "Type" button. The page focuses its hidden input inside the touch
// handler when it does (the browser opens an on-screen keyboard only then).
bool opens_typing_at(float x, float y);

}  // namespace bplab::touch_input
