// Native entry point: SDL2 + OpenGL 3.3 core, a plain while loop. The command line is described in
// native_args.h; --check-lessons (check_lessons.h) checks lesson files and never opens a window.
#include <cstdio>

#include "check_lessons.h"
#include "frame_loop.h"
#include "lab_app.h"
#include "lab_window.h"
#include "native_args.h"
#include "screenshot.h"
#include "services_loop.h"

int main(int argc, char** argv) {
  if (const int checked = bplab::run_check_lessons(argc, argv); checked >= 0) return checked;
  bplab::NativeArgs args;
  args.font = BPLAB_FONT_PATH;
  args.lessons = BPLAB_LESSONS_DIR;
  if (!bplab::parse_native_args(argc, argv, &args)) {
    std::fputs(bplab::kNativeUsage, stderr);
    return 2;
  }
  bplab::LabWindow window;
  if (!bplab::open_lab_window("Backprop Lab", 1280, 800, &window)) return 1;

  bplab::platform::configure_native(args.hash, args.export_dir);
  bplab::LabApp app;
  app.init({args.font.c_str(), 1.0f, args.lessons, args.lesson});

  int status = 0;
  for (long frame = 1; bplab::pump_events(window.window); ++frame) {
    bplab::follow_swap_interval(bplab::native_swap_interval(args, app.swap_interval()));
    bplab::render_frame(app);
    bplab::platform::after_render();
    if (frame == args.frames) {
      if (!args.screenshot.empty()) {
        const bplab::PixelSize size = bplab::framebuffer_size();
        if (!bplab::save_framebuffer_png(args.screenshot, size.width, size.height)) status = 1;
      }
      break;
    }
    SDL_GL_SwapWindow(window.window);
  }
  bplab::close_lab_window(&window);
  return status;
}
