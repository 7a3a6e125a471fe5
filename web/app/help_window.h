// A help window: a two-column table (keys and what they do, symbols and what they mean), centred
// on the display while open. The Keyboard and Notation windows are two of them.
#pragma once
#include <cstddef>

namespace bplab {

class HelpWindow {
 public:
  struct Row {
    const char* left;
    const char* right;
  };
  struct Content {
    const char* title;         // the window's title
    const char* left_header;   // the first column's header, e.g. "Keys"
    const char* right_header;  // the second column's, e.g. "Action"
    float left_em, width_em;   // the first column's and the window's width, in font sizes
    const Row* rows;
    std::size_t count;
    const char* record_label;  // the table's rect in item_registry, for tests
  };

  explicit HelpWindow(const Content& content) : content_(content) {}
  void toggle() { open_ = !open_; }
  bool is_open() const { return open_; }
  // The window while open (its close button closes it).
  void draw();

 private:
  Content content_;
  bool open_ = false;
};

}  // namespace bplab
