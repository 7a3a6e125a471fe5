// TabStrip: a panel's tabs as buttons that wrap onto further rows where the panel is narrow, then
// the selected tab's contents below them. ImGui's tab bar keeps one row and shrinks the tabs: in
// the Details panel at 1024×600 (330 px wide) its seven tabs became single letters, two of them
// "L", beside the whole "Keyboard" and "Notation".
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace bplab {

class TabStrip {
 public:
  struct Tab {
    const char* name;
    std::function<void()> contents;
  };
  // A button among the tabs that is not a tab (it opens a window).
  struct Action {
    const char* name;
    const char* tooltip;
    std::function<void()> pressed;
  };

  // Draws the tabs and actions in rows, each recorded under its name (item_registry), then the
  // selected tab's contents. `request` (a tab's name, or nullptr) selects that tab. A selected tab
  // that is not among `tabs` (a link hid it) gives way to the first.
  void draw(const std::vector<Tab>& tabs, const std::vector<Action>& actions, const char* request);

 private:
  std::string selected_;
};

}  // namespace bplab
