// The on-screen keyboard of a touch device, through a hidden DOM input that mirrors ImGui's active
// text field (web/shell/screen_keyboard.js). The C functions the page calls are in
// screen_keyboard.cpp: bplab_opens_typing_at, bplab_active_text, bplab_replace_text,
// bplab_press_key.
#pragma once

namespace bplab::screen_keyboard {

// Routes ImGui's IME data (the active text field's place, or none) to the page; call after the
// SDL backend is initialised, which sets its own handler.
void attach();

}  // namespace bplab::screen_keyboard
