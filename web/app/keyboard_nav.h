// Dear ImGui's keyboard navigation as the lab uses it: arrows move the focus between items,
// Space activates, Enter types into a slider or field, Escape leaves it; F6 and Shift+F6 move
// to the next or previous panel. ImGui's own window switch is Ctrl+Tab, which browsers keep for
// themselves, and its windowing needs a held modifier, so F6 is handled here.
#pragma once
#include <optional>

#include "item_registry.h"

namespace bplab {

// Turns keyboard navigation on, with a focus rectangle that stands out; needs an ImGui context.
void configure_keyboard_navigation();

// F6 / Shift+F6: focuses the next / previous panel in reading order (left to right, then top to
// bottom), with the navigation focus shown. Call once per frame after ImGui::NewFrame().
void handle_panel_switch_keys();

// The rectangle of the item that has the keyboard focus while its focus rectangle shows, in
// display coordinates (as item_registry's); nothing otherwise. Tests steer by it
// (window.lab.navRect()).
std::optional<ItemRect> nav_focus_rect();

}  // namespace bplab
