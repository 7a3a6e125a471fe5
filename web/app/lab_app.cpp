#include "lab_app.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <cmath>
#include <utility>
#include <nlohmann/json.hpp>

#include "controls_panel.h"
#include "help_marker.h"
#include "imgui.h"
#include "io_panel.h"
#include "item_registry.h"
#include "keyboard_nav.h"
#include "lab_state.h"
#include "lab_font.h"
#include "lesson.h"
#include "platform_services.h"
#include "point_sprites.h"
#include "touch_input.h"
#include "ui_scale.h"
#include "url_hash.h"
#include "wrapped_text.h"

namespace bplab {
namespace {

constexpr float kFontSizePx = 16.0f;
constexpr float kPointRadius = 3.5f;  // data points on the output map, logical pixels
// The panels tile the display and draw no background of their own: the frame is cleared to the
// window colour instead (render_frame). A software rasteriser such as SwiftShader pays for every
// blended pixel, and the backgrounds were a whole screen of them each frame.
constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoBackground;

// Places the next window at its rectangle of the layout, recomputed every frame so the layout
// follows the browser window (panel_layout.h puts the edges on whole pixels).
void place(const PanelRect& r) {
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
}

}  // namespace

void LabApp::init(const Options& options) {
  // The layout is fixed and recomputed every frame: there is nothing for imgui.ini to keep.
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.WindowBorderSize = 1.0f;
  // The atlas is sampled with nearest filtering (render_frame); ImGui's texture-based lines
  // would need bilinear, so lines are anti-aliased with geometry instead.
  style.AntiAliasedLinesUseTex = false;
  configure_keyboard_navigation();
  font_path_ = options.font_path;
  rasterise(options.pixel_ratio * ui_scale::factor());

  network_state_.unit_maps = &boundary_view_;
  lessons_.init(options.lessons_dir);
  open_link(platform::url_hash());
  if (!options.lesson.empty() && !lessons_.open(options.lesson, ui_))
    ui_.notice = "There is no lesson \"" + options.lesson + "\"; the lab is open instead.";
  // A visitor who came for a lesson, to an embedded frame or by a link that could not be used (the
  // notice says why) is not asked what they came for.
  welcome_.init(link_.welcome && !link_.embed && link_.lesson_files.empty() && !lessons_.active() &&
                ui_.notice.empty());
}

void LabApp::rasterise(float ratio) {
  ImGui::GetIO().Fonts->Clear();
  load_lab_font(font_path_.c_str(), kFontSizePx, ratio);
  point_sprites::prepare(kPointRadius, ratio);
  atlas_ratio_ = ratio;
}

bool LabApp::follow_pixel_ratio(float ratio) {
  if (ratio == atlas_ratio_) return false;
  rasterise(ratio);
  return true;
}

void LabApp::open_link(const std::string& hash) {
  if (hash.empty()) return;
  lab::Settings s;
  lab::LinkTarget target;
  bp::Status st = lab::decode_link(hash, &s, &target);
  // A lesson of the link's own lesson files is looked for once they have arrived.
  if (st && !target.lesson.empty() && target.lesson_files.empty())
    if (const bp::Status found = lessons_.check_link(target.lesson, target.step); !found)
      st = bp::Status::error("link: " + found.message());
  for (const std::string& panel : target.panels) {
    const std::vector<std::string>& views = lessons::view_names();
    if (st && std::find(views.begin(), views.end(), panel) == views.end())
      st = bp::Status::error("link: panels: there is no view \"" + panel + "\"");
  }
  if (!st) {
    ui_.notice = "The link could not be used (" + st.message() + "); the default lab is open instead.";
    return;
  }
  ui_.apply(s);
  // A link that chooses the landscape's plane (land=) opens its tab.
  landscape_state_.select_tab = s.landscape != lab::LandscapeOptions{};
  link_ = {"", 0, target.embed, target.panels, target.lesson_files, target.welcome};
  if (!target.lesson_files.empty())
    lessons_.load_link_files(target.lesson_files, target.lesson, target.step);
  else if (!target.lesson.empty())
    lessons_.open_link(target.lesson, target.step, ui_);
}

bool LabApp::shows(const char* view) const {
  return lessons_.shows(view) &&
         (link_.panels.empty() || std::find(link_.panels.begin(), link_.panels.end(), view) != link_.panels.end());
}

void LabApp::observe_frame_rate() {
  const lab::Lab& session = ui_.lab;
  const double dt_ms = ImGui::GetIO().DeltaTime * 1000.0;
  // The budget judges the frame by the interval the pacer asked for it, then the pacer learns.
  budget_.observe(dt_ms, pacer_.refresh_ms(), pacer_.interval(), session.running());
  // Past the budget's warm-up, late frames are the budget's to answer, not the pacer's, while the
  // budget is what ends each frame's training (always at "max" speed; at a fixed speed when the
  // frame's iterations do not fit in it).
  pacer_.observe(dt_ms, frame_drew_, session.running() && budget_.warmed_up() && training_ran_out_,
                 session.settings().steady_frames);
  training_ran_out_ = false;
  const long long iteration = session.trainer().iteration();
  const int batch = std::min(session.settings().hyper.batch_size, std::max(1, session.train_set().size()));
  const double samples = double(std::max(0LL, iteration - frame_start_iteration_)) * batch;
  frame_start_iteration_ = iteration;
  frame_train_ms_ = 0;
  frame_iterations_ = 0;
  if (!session.running())
    samples_per_second_ = 0;
  else if (dt_ms > 0)
    samples_per_second_ += 0.1 * (samples * 1000.0 / dt_ms - samples_per_second_);
}

bool LabApp::train_slice(double max_ms) {
  lab::Lab& session = ui_.lab;
  const int speed = session.settings().speed;
  const double budget = speed > 0 ? std::min(kFixedSpeedTrainMs, budget_.budget_ms()) : budget_.budget_ms();
  const int iterations = speed > 0 ? speed - frame_iterations_ : std::numeric_limits<int>::max();
  const double left = budget - frame_train_ms_;
  if (!session.running() || iterations <= 0 || left <= 0) return false;
  const auto start = std::chrono::steady_clock::now();
  frame_iterations_ += session.train_up_to(iterations, std::min(max_ms, left));
  unrecorded_ = true;
  frame_train_ms_ +=
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  training_ran_out_ = frame_train_ms_ >= budget;
  const bool more = session.running() && !training_ran_out_ && (speed == 0 || frame_iterations_ < speed);
  if (!more) record_training();
  return more;
}

void LabApp::record_training() {
  if (!unrecorded_ || !evaluation_.due(ImGui::GetTime(), ui_.lab.running())) return;
  const auto start = std::chrono::steady_clock::now();
  ui_.lab.evaluate_and_record();
  evaluation_.observe(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  unrecorded_ = false;
}

void LabApp::draw_divergence_popup() {
  lab::Lab& session = ui_.lab;
  if (session.diverged() && !ImGui::IsPopupOpen("Training diverged")) ImGui::OpenPopup("Training diverged");
  if (!ImGui::BeginPopupModal("Training diverged", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  text_wrapped(session.divergence_message());
  ImGui::PopTextWrapPos();
  item_registry::record("Divergence message");
  if (named_button("Roll back")) {
    session.rollback();
    ImGui::CloseCurrentPopup();
  }
  help_marker("Restore the last weights whose error was finite and no worse than at the start.");
  ImGui::SameLine();
  if (named_button("Roll back and lower η")) {
    session.rollback();
    bp::Hyperparams h = session.settings().hyper;
    h.learning_rate /= 10;
    session.set_hyperparams(h);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (named_button("Reset network")) {
    session.reset();
    ImGui::CloseCurrentPopup();
  }
  if (!session.diverged()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void LabApp::sync_url_hash() {
  // The open lesson and step stay in the link, so that a reload returns to them.
  const lessons::LessonRunner::Position at = lessons_.position();
  lab::LinkTarget target = link_;
  target.lesson = at.id;
  target.step = at.id.empty() ? 0 : at.step + 1;
  const std::string hash = lab::encode_link(ui_.lab.settings(), target);
  if (hash == written_hash_) return;
  platform::set_url_hash(hash);
  written_hash_ = hash;
}

void LabApp::frame() {
  ++frame_;
  // Slices cut short by this frame still need their record, before anything reads the losses.
  record_training();
  apply_opened_files(ui_);
  lessons_.update(ui_);
  handle_play_shortcut(ui_);
  handle_panel_switch_keys();
  shortcuts_.handle_key();
  touch_input::begin_frame();
  observe_frame_rate();

  // Layout (panel_layout.h): controls; output map over the network diagram; loss curve over a
  // tabbed panel (inspector, weights, import/export, lessons), in three columns or, upright or
  // narrow, in two rows. During a lesson the step decides which views are shown (a view left out
  // gives its space to its neighbours), the step's widget takes the output map's place (widgets
  // serve single-weight networks, whose map says little), and the lesson's own window tops the
  // loss and details. An embedded frame (url_hash.h) draws no title bars.
  const ImGuiWindowFlags panel_flags = kPanelFlags | (link_.embed ? ImGuiWindowFlags_NoTitleBar : 0);
  const bool details = !link_.embed || shows("inspector") || shows("update_sizes") || shows("landscape") ||
                       shows("graph");
  const bool widget = !lessons_.widget().empty();
  const bool map = !widget && shows("boundary");
  const bool network = shows("network");
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  layout_ = layout_panels(d.x, d.y, {shows("controls"), widget || map, network, lessons_.active(),
                                     shows("loss_curve"), details});

  if (shows("controls")) {
    place(layout_.controls);
    if (ImGui::Begin("Backprop Lab", nullptr, panel_flags)) draw_controls_panel(ui_);
    ImGui::End();
  }

  if (widget) {
    place(layout_.view);
    // "###" keeps one window (and its place) while the title follows the widget.
    const std::string title = std::string(lessons_.widget_title()) + "###Lesson widget";
    if (ImGui::Begin(title.c_str(), nullptr, panel_flags)) lessons_.draw_widget(ui_);
    ImGui::End();
  }
  network_state_.has_map_point = false;
  if (map) {
    place(layout_.view);
    if (ImGui::Begin("Output", nullptr, panel_flags)) boundary_view_.draw(ui_);
    ImGui::End();
    network_state_.has_map_point =
        boundary_view_.hovered_point(&network_state_.map_x1, &network_state_.map_x2);
  }
  if (network) {
    place(layout_.network);
    if (ImGui::Begin("Network", nullptr, panel_flags)) draw_network_view(ui_, network_state_);
    ImGui::End();
  }

  if (lessons_.active()) {
    place(layout_.lesson);
    if (ImGui::Begin("Lesson", nullptr, panel_flags)) lessons_.draw_step(ui_);
    ImGui::End();
  }
  if (shows("loss_curve")) {
    place(layout_.loss);
    if (ImGui::Begin("Loss", nullptr, panel_flags)) draw_loss_view(ui_, loss_state_);
    ImGui::End();
  }

  if (details) place(layout_.details);
  const char* tab_request = lessons_.take_tab_request();
  if (!tab_request && std::exchange(landscape_state_.select_tab, false)) tab_request = "Landscape";
  if (details && ImGui::Begin("Details", nullptr, panel_flags)) {
    std::vector<TabStrip::Tab> tabs;
    if (shows("inspector")) tabs.push_back({"Inspector", [this] { draw_inspector_view(ui_); }});
    if (shows("graph")) tabs.push_back({"Graph", [this] { draw_graph_view(ui_, graph_state_); }});
    if (shows("update_sizes")) tabs.push_back({"Weights", [this] { draw_weights_view(ui_, weights_state_); }});
    if (shows("landscape")) tabs.push_back({"Landscape", [this] { draw_landscape_view(ui_, landscape_state_); }});
    if (!link_.embed && !(ui_.lab.settings().hidden_controls & lab::kControlIo))
      tabs.push_back({"Files", [this] {
                        ImGui::BeginDisabled(ui_.locked_controls & lab::kControlIo);
                        draw_io_panel(ui_);
                        ImGui::EndDisabled();
                      }});
    if (!link_.embed) tabs.push_back({"Lessons", [this] { lessons_.draw_list(ui_); }});
    if (!link_.embed) tabs.push_back({"Display", [] { ui_scale::draw_setting(); }});
    details_tabs_.draw(tabs,
                       {{"Keyboard", "Every keyboard shortcut of the lab (F1).", [this] { shortcuts_.toggle(); }},
                        {"Notation", "The symbols of the lessons and the inspector: x, w, b, θ, y, t, e, E, f′, δ.",
                         [this] { notation_.toggle(); }}},
                       tab_request);
  }
  if (details) ImGui::End();

  touch_input::draw_type_button();
  draw_divergence_popup();
  if (welcome_.draw() == WelcomeCard::Choice::Course) lessons_.open_first(ui_);
  shortcuts_.draw();
  notation_.draw();
  sync_url_hash();
  item_registry::end_frame();
  lessons_.draw_highlight();
  // Last, as a link opens its lesson before the first frame: a lesson an arrived file opens is
  // the next frame's from its start.
  lessons_.import_arrived_files(ui_);
}

std::string LabApp::state_json() const {
  nlohmann::json j = lab::snapshot(ui_.lab);
  j["frame"] = frame_;
  j["fps"] = ImGui::GetIO().Framerate;
  j["samples_per_second"] = samples_per_second_;
  j["train_budget_ms"] = budget_.budget_ms();
  j["main_thread_ms"] = main_thread_time_.median_ms();
  const MapRefresh& map = boundary_view_.map_refresh();
  j["output_map"] = {{"grid", map.grid()}, {"hz", map.hz()}, {"redraw_ms", map.redraw_ms()}};
  j["evaluation"] = {{"hz", EvaluationRefresh::hz(evaluation_.cost_ms())},
                     {"cost_ms", evaluation_.cost_ms()},
                     {"iteration", ui_.lab.evaluated_iteration()}};
  j["swap_interval"] = pacer_.interval();
  j["frames_drawn"] = frames_drawn_;
  j["screens_drawn"] = screens_drawn_;
  j["notice"] = ui_.notice;
  j["error"] = ui_.error;
  nlohmann::json shown = nlohmann::json::array();
  for (const std::string& view : lessons::view_names())
    if (shows(view.c_str())) shown.push_back(view);
  j["embed"] = link_.embed;
  j["panels"] = shown;
  const auto rect_json = [](const PanelRect& r) { return nlohmann::json{{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; };
  j["ui_scale"] = ui_scale::factor();
  j["atlas_ratio"] = atlas_ratio_;
  j["layout"] = {{"mode", layout_.mode == PanelLayout::Mode::Rows ? "rows" : "columns"},
                 {"controls", rect_json(layout_.controls)}, {"view", rect_json(layout_.view)},
                 {"network", rect_json(layout_.network)},   {"lesson", rect_json(layout_.lesson)},
                 {"loss", rect_json(layout_.loss)},         {"details", rect_json(layout_.details)}};
  j["welcome"] = welcome_.visible();
  const lab::LandscapeSession& land = landscape_state_.session;
  nlohmann::json path = nlohmann::json::array();
  for (const bp::PlaneCoords& c : land.path()) path.push_back({c.a, c.b});
  j["graph"] = graph_state_json(ui_.lab, graph_state_);
  j["landscape"] = {{"mode", lab::landscape_mode_name(land.options().mode)},
                    {"axes", {land.plane().axis1, land.plane().axis2}},
                    {"grid", land.grid()},
                    {"range", land.range()},
                    {"complete", land.complete()},
                    {"center_loss", land.has_plane() ? nlohmann::json(land.center_loss()) : nlohmann::json()},
                    {"min_loss", land.complete() ? nlohmann::json(land.min_loss()) : nlohmann::json()},
                    {"path", path},
                    {"lambda_max", std::isfinite(land.lambda_max()) ? nlohmann::json(land.lambda_max()) : nlohmann::json()},
                    {"lambda_min", std::isfinite(land.lambda_min()) ? nlohmann::json(land.lambda_min()) : nlohmann::json()},
                    {"work_ms", land.work_ms()},
                    {"work_frames", land.work_frames()}};
  const lessons::LessonRunner::Position lesson = lessons_.position();
  j["lesson"] = {{"id", lesson.id.empty() ? nlohmann::json() : nlohmann::json(lesson.id)},
                 {"step", lesson.step},
                 {"steps", lesson.steps},
                 {"task_done", lesson.task_done}};
  return j.dump();
}

}  // namespace bplab
