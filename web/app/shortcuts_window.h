// The "Keyboard" help window: every keyboard shortcut of the lab, including which of Play/Pause
// and ImGui's "activate" Space means when. F1 or the "Keyboard" button at the end of the Details
// tabs opens and closes it.
#pragma once

#include "help_window.h"

namespace bplab {

class ShortcutsWindow : public HelpWindow {
 public:
  ShortcutsWindow();
  // F1 opens or closes the window; call once per frame after ImGui::NewFrame().
  void handle_key();
};

}  // namespace bplab
