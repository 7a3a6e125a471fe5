#include "screen_keyboard.h"

#include <emscripten/emscripten.h>

#include <cstring>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "touch_input.h"
#include "ui_scale.h"

namespace {

// The page's hidden input follows the field: shown there (CSS pixels) while one is active.
EM_JS(void, ime_changed, (int visible, float x, float y, float line_height), {
  if (window.bplabScreenKeyboard) window.bplabScreenKeyboard.fieldChanged(!!visible, x, y, line_height);
});

// ImGui calls this at the end of a frame whenever its IME data changed.
void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
  const float s = bplab::ui_scale::factor();
  ime_changed(data->WantVisible, data->InputPos.x * s, data->InputPos.y * s, data->InputLineHeight * s);
}

void tap_key(ImGuiKey key) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(key, true);
  io.AddKeyEvent(key, false);
}

std::string g_reply;

}  // namespace

namespace bplab::screen_keyboard {

void attach() { ImGui::GetIO().SetPlatformImeDataFn = set_ime_data; }

}  // namespace bplab::screen_keyboard

extern "C" {

// Whether a tap at (x, y), CSS pixels from the canvas' corner, lands on a text field or the
// "Type" button of a slider (touch_input.h): the page then focuses its hidden input at once,
// inside the touch handler, as iOS opens its keyboard only there; ImGui activates the field a
// frame later.
EMSCRIPTEN_KEEPALIVE int bplab_opens_typing_at(float x, float y) {
  const float s = bplab::ui_scale::factor();
  return bplab::touch_input::opens_typing_at(x / s, y / s) ? 1 : 0;
}

// The text of ImGui's active text field (UTF-8), "" when none is active.
EMSCRIPTEN_KEEPALIVE const char* bplab_active_text() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiInputTextState* state = ImGui::GetInputTextState(g.ActiveId);
  g_reply.clear();
  if (state != nullptr) {
    // TextW is the state's own copy, always current (TextA is not).
    std::string utf8(state->CurLenW * 4 + 1, '\0');
    const int n = ImTextStrToUtf8(utf8.data(), int(utf8.size()), state->TextW.Data, state->TextW.Data + state->CurLenW);
    g_reply.assign(utf8.data(), n);
  }
  return g_reply.c_str();
}

// Makes the active field's text `text`, as keys would: Ctrl+A, then the text (or Backspace for
// none). The hidden input holds the whole text, so each of its input events sends all of it,
// whatever the keyboard did (a mobile keyboard sends keyCode 229 and no key press).
EMSCRIPTEN_KEEPALIVE void bplab_replace_text(const char* text) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, true);
  tap_key(ImGuiKey_A);
  io.AddKeyEvent(ImGuiMod_Ctrl, false);
  if (*text == '\0')
    tap_key(ImGuiKey_Backspace);
  else
    io.AddInputCharactersUTF8(text);
}

// A key the hidden input passes on to the field: "Enter" (apply), "Escape" (cancel) or "Tab".
EMSCRIPTEN_KEEPALIVE void bplab_press_key(const char* name) {
  if (std::strcmp(name, "Enter") == 0) tap_key(ImGuiKey_Enter);
  else if (std::strcmp(name, "Escape") == 0) tap_key(ImGuiKey_Escape);
  else if (std::strcmp(name, "Tab") == 0) tap_key(ImGuiKey_Tab);
}

}  // extern "C"
