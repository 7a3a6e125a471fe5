// The lab's user interface, independent of the platform: the native and web mains create the
// window, GL context and ImGui backends, then call init() once and frame() between
// ImGui::NewFrame() and ImGui::Render().
#pragma once
#include <string>

namespace bplab {

class LabApp {
 public:
  struct Options {
    const char* font_path;  // DejaVuSans.ttf: on disk natively, in the preloaded files on the web
    float pixel_ratio;      // device pixels per logical pixel (window.devicePixelRatio on the web)
  };

  // Needs a current ImGui context; loads the font and sets the style.
  void init(const Options& options);
  // Draws the UI for one frame and publishes the item rectangles of this frame.
  void frame();
  // What tests can observe, as a JSON object: {"frame", "fps", "showFormulas"}.
  std::string state_json() const;

 private:
  long frame_ = 0;
  bool show_formulas_ = true;
};

}  // namespace bplab
