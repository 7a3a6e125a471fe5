// Native entry point: SDL2 + OpenGL 3.3 core, a plain while loop.
//
//   bplab-lab [--frames N] [--screenshot FILE.png] [--font FILE.ttf] [--hash SETTINGS]
//             [--export-dir DIR] [--lessons DIR] [--lesson ID]
//
// --frames N stops after N frames; with --screenshot the last frame is saved as a PNG first.
// Together they make a headless smoke test under xvfb-run. --hash takes the settings a web link
// carries after '#' (e.g. "ds=xor&h=4&lr=0.1"); --export-dir is where exports are written.
// --lessons is the folder of lesson files (default: the repository's assets/lessons); --lesson
// opens the lesson with that id at start, where the learner left it.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "frame_loop.h"
#include "lab_app.h"
#include "lab_window.h"
#include "screenshot.h"
#include "services_loop.h"

namespace {

struct Args {
  long frames = -1;  // run until the window is closed
  std::string screenshot;
  std::string font = BPLAB_FONT_PATH;
  std::string hash;
  std::string export_dir = ".";
  std::string lessons = BPLAB_LESSONS_DIR;
  std::string lesson;
};

void usage() {
  std::fprintf(stderr,
               "usage: bplab-lab [--frames N] [--screenshot FILE.png] [--font FILE.ttf] "
               "[--hash SETTINGS] [--export-dir DIR] [--lessons DIR] [--lesson ID]\n");
}

bool parse_args(int argc, char** argv, Args* args) {
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--frames") == 0 && has_value) {
      char* end = nullptr;
      args->frames = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || args->frames <= 0) return false;
    } else if (std::strcmp(argv[i], "--screenshot") == 0 && has_value) {
      args->screenshot = argv[++i];
    } else if (std::strcmp(argv[i], "--font") == 0 && has_value) {
      args->font = argv[++i];
    } else if (std::strcmp(argv[i], "--hash") == 0 && has_value) {
      args->hash = argv[++i];
    } else if (std::strcmp(argv[i], "--export-dir") == 0 && has_value) {
      args->export_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--lessons") == 0 && has_value) {
      args->lessons = argv[++i];
    } else if (std::strcmp(argv[i], "--lesson") == 0 && has_value) {
      args->lesson = argv[++i];
    } else {
      return false;
    }
  }
  return args->screenshot.empty() || args->frames > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!parse_args(argc, argv, &args)) {
    usage();
    return 2;
  }
  bplab::LabWindow window;
  if (!bplab::open_lab_window("Backprop Lab", 1280, 800, &window)) return 1;
  // A bounded run is a test: do not wait for vsync.
  SDL_GL_SetSwapInterval(args.frames > 0 ? 0 : 1);

  bplab::platform::configure_native(args.hash, args.export_dir);
  bplab::LabApp app;
  app.init({args.font.c_str(), 1.0f, args.lessons, args.lesson});

  int status = 0;
  for (long frame = 1; bplab::pump_events(window.window); ++frame) {
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
    if (args.frames == 0) bplab::follow_swap_interval(app);
  }
  bplab::close_lab_window(&window);
  return status;
}
