// The "Keyboard" help window: every keyboard shortcut of the lab, including which of Play/Pause
// and ImGui's "activate" Space means when. F1 or the "Keyboard" button at the end of the Details
// tab bar opens and closes it.
#pragma once

namespace bplab {

class ShortcutsWindow {
 public:
  // F1 opens or closes the window; call once per frame after ImGui::NewFrame().
  void handle_key();
  void toggle() { open_ = !open_; }
  bool is_open() const { return open_; }
  // The window, centred on the display, while open (its close button closes it).
  void draw();

 private:
  bool open_ = false;
};

}  // namespace bplab
