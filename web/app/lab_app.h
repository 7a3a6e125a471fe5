// The lab's user interface, independent of the platform: the native and web mains create the
// window, GL context and ImGui backends, then call init() once, frame() between
// ImGui::NewFrame() and ImGui::Render(), and train_slice() once the frame is drawn.
#pragma once
#include <string>

#include "boundary_view.h"
#include "evaluation_refresh.h"
#include "frame_budget.h"
#include "frame_damage.h"
#include "frame_pacer.h"
#include "main_thread_time.h"
#include "inspector_view.h"
#include "graph_view.h"
#include "landscape_view.h"
#include "lesson_panel.h"
#include "loss_view.h"
#include "network_view.h"
#include "panel_layout.h"
#include "notation_window.h"
#include "shortcuts_window.h"
#include "tab_strip.h"
#include "ui_context.h"
#include "url_hash.h"
#include "weights_view.h"
#include "welcome_card.h"

namespace bplab {

class LabApp {
 public:
  struct Options {
    const char* font_path;  // DejaVuSans.ttf: on disk natively, in the preloaded files on the web
    float pixel_ratio;      // device pixels per logical pixel (window.devicePixelRatio on the web)
    std::string lessons_dir;  // the lesson files: assets/lessons natively, embedded on the web
    std::string lesson = {};  // the id of a lesson to open at start; empty: none
  };

  // Needs a current ImGui context; loads the font, sets the style, opens the lab the URL hash
  // describes (a bad link opens the default lab with a notice) and loads the lessons.
  void init(const Options& options);
  // Adapts the training budget to the last frame's interval, draws the UI and publishes the item
  // rectangles of this frame.
  void frame();
  // Trains for at most max_ms of what is left of this frame's share: at "max" speed a time budget
  // that adapts to the frame rate (FrameBudget), at a fixed speed the frame's iterations, but for no
  // more than that budget and kFixedSpeedTrainMs (a large network on a slow device then makes fewer
  // iterations a frame: the same iterations, spread over more frames). Returns whether some of the
  // share is left. Called after the frame's drawing was handed to the GPU, by the native loop in
  // one go and by the browser in slices between animation frames; the next frame shows the result.
  bool train_slice(double max_ms);
  // A fixed speed's most training time per frame. The largest set-up's frame also builds and draws
  // the UI (~2–3 ms) and evaluates the loss over its 1000 points (~1–2 ms, less often while it
  // trains: EvaluationRefresh), so with 3 ms of training the main thread stays within about 8 ms a
  // frame.
  static constexpr double kFixedSpeedTrainMs = 3.0;
  // The browser's frame loop records the main thread's work here (the frame callback and each
  // training slice); state() reports its median as main_thread_ms.
  MainThreadTime& main_thread_time() { return main_thread_time_; }
  // What tests can observe (window.lab.state()): the Lab's state plus frame, frames that drew,
  // fps, samples/s, the training budget, the swap interval, notice, error and the lesson
  // ({id, step, steps, task_done}), whether the frame is embedded and the views it shows
  // (embed, panels), the panel layout (layout: mode and each panel's {x, y, w, h} in ImGui units),
  // the UI scale (ui_scale), the device pixels per unit the font was rasterised at (atlas_ratio),
  // whether the first-visit card shows (welcome), the output map's grid, refresh rate and
  // estimated redraw cost while training (output_map: MapRefresh), and how often the losses are
  // evaluated while training, what an evaluation costs and the iteration of the last one
  // (evaluation: EvaluationRefresh).
  std::string state_json() const;
  // Frames built so far (state().frame), without the cost of a whole state().
  long frames() const { return frame_; }
  // Display refreshes per frame that the lab asks for (FramePacer): the native platform passes it
  // to SDL_GL_SetSwapInterval; the browser's runs at every animation frame and builds a frame
  // only when frame_due() says so.
  int swap_interval() const { return pacer_.interval(); }
  // Whether a frame is due since_ms after the last one began (FramePacer::due).
  bool frame_due(double since_ms) const { return pacer_.due(since_ms); }
  // The share of the display that the frame just built cleared and drew (the platform may skip
  // what did not change, and then whole frames): the pacer learns only from frames that drew.
  void set_frame_drawn(double share) {
    frame_drew_ = share > 0;
    frames_drawn_ += frame_drew_;
    screens_drawn_ += share;
  }
  // What changed on screen since the last frame, for a platform whose back buffer keeps its
  // pixels (the browser's); the app reports the textures it redraws to it.
  FrameDamage& damage() { return damage_; }

  UiContext& ui() { return ui_; }

  // Re-rasterises the font and the point sprites when `ratio` (device pixels per ImGui unit:
  // the pixel ratio times the UI scale) differs from the atlas's, as after a browser zoom, a move
  // to another screen or a new UI scale. Call before the frame; true when the atlas was rebuilt,
  // and the renderer must upload it again.
  bool follow_pixel_ratio(float ratio);

  // The open lesson as its window shows it, and its buttons and answer field, for the page's DOM
  // layer (web_bridge.cpp: window.lab.lesson(), lessonAction(), answer()).
  LessonPanel::View lesson_view() const { return lessons_.view(); }
  void lesson_action(LessonPanel::Action action) { lessons_.act(action, ui_); }
  void lesson_answer(const std::string& text) { lessons_.set_answer_text(text); }
  // The first-visit card's buttons, for the DOM layer (web_bridge.cpp: window.lab.welcome()).
  void welcome_choice(WelcomeCard::Choice choice) { welcome_.choose(choice); }

 private:
  void rasterise(float ratio);  // the font and sprites at ratio device pixels per unit
  void observe_frame_rate();
  // Lab::evaluate_and_record() once after the slices of a frame, while training as often as its
  // cost allows (EvaluationRefresh).
  void record_training();
  void draw_divergence_popup();
  // Opens what a link describes: settings, and a lesson at a step (url_hash.h). A link that
  // cannot be used as a whole opens the default lab with a notice.
  void open_link(const std::string& hash);
  void sync_url_hash();
  // Whether a view is drawn this frame: the open step shows it (LessonPanel::shows) and, in an
  // embedded frame, the link names it (url_hash.h: embed, panels).
  bool shows(const char* view) const;

  UiContext ui_;
  BoundaryView boundary_view_;
  NetworkViewState network_state_;
  LossViewState loss_state_;
  WeightsViewState weights_state_;
  LandscapeViewState landscape_state_;
  GraphViewState graph_state_;
  LessonPanel lessons_;
  ShortcutsWindow shortcuts_;
  WelcomeCard welcome_;
  NotationWindow notation_;
  TabStrip details_tabs_;  // the Details panel's tabs
  FrameBudget budget_;
  MainThreadTime main_thread_time_;
  FramePacer pacer_;
  bool frame_drew_ = true;
  long frames_drawn_ = 0;
  double screens_drawn_ = 0;  // the sum of the shares drawn: whole displays' worth
  FrameDamage damage_;
  long frame_ = 0;
  double samples_per_second_ = 0;  // training throughput, smoothed
  long long frame_start_iteration_ = 0;
  double frame_train_ms_ = 0;      // time training took since this frame began
  int frame_iterations_ = 0;       // iterations trained since this frame began
  bool training_ran_out_ = false;  // this frame's training stopped at its time budget
  bool unrecorded_ = false;        // slices trained since the last evaluation
  EvaluationRefresh evaluation_;
  std::string written_hash_;
  std::string font_path_;
  float atlas_ratio_ = 0;  // device pixels per unit the atlas was rasterised at
  PanelLayout layout_;  // this frame's panel rectangles
  // The link's keys for the page (url_hash.h: embed, panels, lessons; lesson and step unused),
  // kept in the hash with the settings.
  lab::LinkTarget link_;
};

}  // namespace bplab
