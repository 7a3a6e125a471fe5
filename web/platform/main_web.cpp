// Web entry point: SDL2 on a WebGL2 canvas, at most one frame per requestAnimationFrame.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include "frame_loop.h"
#include "lab_app.h"
#include "lab_window.h"
#include "screen_keyboard.h"
#include "services_loop.h"
#include "web_bridge.h"

namespace {

// Where the link step's --preload-file puts DejaVu Sans in the virtual file system.
constexpr const char* kFontPath = "/fonts/DejaVuSans.ttf";
// Where the link step's --embed-file puts assets/lessons.
constexpr const char* kLessonsDir = "/assets/lessons";

struct Page {
  bplab::LabWindow window;
  bplab::LabApp app;
  double last_frame_ms = 0;  // the previous frame's animation frame timestamp; 0 before it
};
Page* g_page = nullptr;

// Training at "max" speed runs between animation frames, in slices of at most kSliceMs, each a
// message to a MessageChannel (chained setTimeout calls would be clamped to ≥ 4 ms apart). The
// frame callback stays short, so drawing is not held up behind training, and a slice that is
// running when the next frame is due delays it by at most kSliceMs.
constexpr double kSliceMs = 2.0;

EM_JS(void, post_training_slice, (), {
  if (!Module.bplabTraining) {
    Module.bplabTraining = new MessageChannel();
    Module.bplabTraining.port1.onmessage = () => Module._bplab_train_slice();
  }
  Module.bplabTraining.port2.postMessage(null);
});

// The timestamp of the animation frame being run (the rAF callback's argument, which Emscripten's
// main loop does not pass on).
EM_JS(double, animation_frame_time_ms, (), { return document.timeline.currentTime; });

// Runs at every animation frame; builds a frame when the pacer says one is due, so that at two
// refreshes a frame an animation frame the browser skipped (its main thread held up) delays the
// next frame by less than a refresh, where counting animation frames would lose a whole one.
void tick(void* arg) {
  auto* page = static_cast<Page*>(arg);
  const double frame_ms = animation_frame_time_ms();
  if (page->last_frame_ms > 0 && !page->app.frame_due(frame_ms - page->last_frame_ms)) return;
  const double start_ms = emscripten_get_now();
  page->app.main_thread_time().begin_frame();
  // A page cannot close its own tab, so a quit request has nothing to stop.
  bplab::pump_events(page->window.window);
  const double interval_s = page->last_frame_ms > 0 ? (frame_ms - page->last_frame_ms) / 1000.0 : 0.0;
  page->last_frame_ms = frame_ms;
  bplab::render_frame(page->app, interval_s, &page->app.damage());
  bplab::platform::after_render();
  SDL_GL_SwapWindow(page->window.window);
  post_training_slice();
  page->app.main_thread_time().add(emscripten_get_now() - start_ms);
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void bplab_train_slice() {
  if (g_page == nullptr) return;
  const double start_ms = emscripten_get_now();
  const bool more = g_page->app.train_slice(kSliceMs);
  g_page->app.main_thread_time().add(emscripten_get_now() - start_ms);
  if (more) post_training_slice();
}

// The canvas keeps its pixels from one frame to the next (WebGL's preserveDrawingBuffer), so a
// frame need only draw what changed (FrameDamage). Set on the attributes Emscripten's
// EGL passes to getContext, before SDL creates the context.
EM_JS(void, keep_drawing_buffer, (), { EGL.contextAttributes.preserveDrawingBuffer = true; });

int main() {
  // Static: main returns into the browser's event loop while tick() keeps using it.
  static Page page;
  g_page = &page;
  keep_drawing_buffer();
  if (!bplab::open_lab_window("Backprop Lab", 1280, 800, &page.window)) return 1;
  page.app.init({kFontPath, static_cast<float>(emscripten_get_device_pixel_ratio()), kLessonsDir});
  bplab::web_bridge::attach(&page.app);
  bplab::screen_keyboard::attach();
  emscripten_set_main_loop_arg(tick, &page, 0, true);
  return 0;
}
