#include "web_bridge.h"

#include <emscripten/emscripten.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "boundary_view.h"
#include "gl_boundary_renderer.h"
#include "item_registry.h"
#include "keyboard_nav.h"
#include "ui_scale.h"

namespace bplab::web_bridge {
namespace {

LabApp* g_app = nullptr;
// The returned C strings point here; JS copies them (UTF8ToString) before the next call.
std::string g_reply;

}  // namespace

void attach(LabApp* app) { g_app = app; }

}  // namespace bplab::web_bridge

extern "C" {

// The app state as JSON; "null" before attach().
EMSCRIPTEN_KEEPALIVE const char* bplab_state_json() {
  using namespace bplab::web_bridge;
  g_reply = g_app != nullptr ? g_app->state_json() : "null";
  return g_reply.c_str();
}

// Frames built so far: how a page load's timing sees the first frame without building the state.
EMSCRIPTEN_KEEPALIVE long bplab_frame() {
  return bplab::web_bridge::g_app != nullptr ? bplab::web_bridge::g_app->frames() : 0;
}

// {"x","y","width","height"} of the item drawn last frame under label, in CSS pixels relative to
// the canvas (ImGui's units times the UI scale); "null" when no such item was drawn. An empty
// label asks for the item with the keyboard focus (keyboard_nav.h), "null" while no focus shows.
EMSCRIPTEN_KEEPALIVE const char* bplab_item_rect_json(const char* label) {
  using namespace bplab::web_bridge;
  const auto rect = *label == '\0' ? bplab::nav_focus_rect() : bplab::item_registry::find(label);
  if (!rect) {
    g_reply = "null";
  } else {
    const float s = bplab::ui_scale::factor();
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, R"({"x":%.2f,"y":%.2f,"width":%.2f,"height":%.2f})",
                  rect->x * s, rect->y * s, rect->w * s, rect->h * s);
    g_reply = buffer;
  }
  return g_reply.c_str();
}

// The open lesson as its window shows it (LessonPanel::View) for the page's DOM layer; "null"
// outside a lesson or before attach().
EMSCRIPTEN_KEEPALIVE const char* bplab_lesson_json() {
  using namespace bplab::web_bridge;
  const bplab::LessonPanel::View v = g_app != nullptr ? g_app->lesson_view() : bplab::LessonPanel::View{};
  if (v.lesson_id.empty()) {
    g_reply = "null";
    return g_reply.c_str();
  }
  const nlohmann::json j = {
      {"id", v.lesson_id},           {"title", v.lesson_title},     {"step", v.step},
      {"steps", v.steps},            {"stepTitle", v.step_title},   {"text", v.text},
      {"hasTask", v.has_task},       {"goal", v.goal},              {"taskDone", v.task_done},
      {"taskError", v.task_error},   {"error", v.error},            {"hints", v.hints},
      {"allHintsShown", v.all_hints_shown}, {"answerLabel", v.answer_label},
      {"answer", v.answer},          {"answerRefused", v.answer_refused},
      {"canBack", v.can_back},       {"canNext", v.can_next}};
  // Lesson texts are UTF-8 from the lesson files; a broken byte must not stop the page.
  g_reply = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return g_reply.c_str();
}

// The Lesson window's buttons: "back", "hint", "next" or "restart"; anything else does nothing.
EMSCRIPTEN_KEEPALIVE void bplab_lesson_action(const char* action) {
  using namespace bplab::web_bridge;
  using Action = bplab::LessonPanel::Action;
  if (g_app == nullptr) return;
  if (std::strcmp(action, "back") == 0) g_app->lesson_action(Action::Back);
  else if (std::strcmp(action, "hint") == 0) g_app->lesson_action(Action::Hint);
  else if (std::strcmp(action, "next") == 0) g_app->lesson_action(Action::Next);
  else if (std::strcmp(action, "restart") == 0) g_app->lesson_action(Action::Restart);
}

// The text of the lesson's answer field, typed in the DOM layer.
EMSCRIPTEN_KEEPALIVE void bplab_lesson_answer(const char* text) {
  using namespace bplab::web_bridge;
  if (g_app != nullptr) g_app->lesson_answer(text);
}

// The first-visit card's buttons: "course" (Start the course) or "lab" (Free lab); anything else
// does nothing. The next frame makes the choice.
EMSCRIPTEN_KEEPALIVE void bplab_welcome(const char* choice) {
  using namespace bplab::web_bridge;
  using Choice = bplab::WelcomeCard::Choice;
  if (g_app == nullptr) return;
  if (std::strcmp(choice, "course") == 0) g_app->welcome_choice(Choice::Course);
  else if (std::strcmp(choice, "lab") == 0) g_app->welcome_choice(Choice::FreeLab);
}

// The next frame draws every window (FrameDamage::invalidate).
EMSCRIPTEN_KEEPALIVE void bplab_redraw_all() {
  using namespace bplab::web_bridge;
  if (g_app != nullptr) g_app->damage().invalidate();
}

// The output map's shader against the engine (check_shader) on grid × grid points of the lab's
// network, as JSON {"points": n, "maxError": e, "ok": e ≤ 1e-3}, or {"error": "…"}. Run from the
// browser's console: Module.ccall('bplab_boundary_check', 'string', ['number'], [grid]).
EMSCRIPTEN_KEEPALIVE const char* bplab_boundary_check(int grid) {
  using namespace bplab::web_bridge;
  if (g_app == nullptr) return R"({"error":"the lab has not started"})";
  // A renderer of its own, so that the check leaves the views' textures as they are.
  static bplab::GlBoundaryRenderer renderer;
  const bplab::ShaderCheck c = bplab::check_shader(renderer, g_app->ui().lab, -1, 0, grid);
  char buffer[192];
  if (!c.error.empty())
    std::snprintf(buffer, sizeof buffer, R"({"error":"shader could not run"})");
  else if (!std::isfinite(c.max_error))  // JSON has no inf: a NaN on either side
    std::snprintf(buffer, sizeof buffer, R"({"points":%d,"maxError":null,"ok":false})", c.points);
  else
    std::snprintf(buffer, sizeof buffer, R"({"points":%d,"maxError":%.3g,"ok":%s})", c.points,
                  c.max_error, c.max_error <= 1e-3 ? "true" : "false");
  g_reply = buffer;
  return g_reply.c_str();
}

}  // extern "C"
