// The native lab's command line, and what it decides about the frame loop.
//
//   bplab-lab [--frames N] [--screenshot FILE.png] [--font FILE.ttf] [--hash SETTINGS]
//             [--export-dir DIR] [--lessons DIR] [--lesson ID]
//
// --frames N stops after N frames; with --screenshot the last frame is saved as a PNG first.
// Together they make a headless smoke test under xvfb-run. --hash takes the settings a web link
// carries after '#' (e.g. "ds=xor&h=4&lr=0.1"); --export-dir is where exports are written.
// --lessons is the folder of lesson files (default: the repository's assets/lessons); --lesson
// opens the lesson with that id at start, where the learner left it.
#pragma once
#include <string>

namespace bplab {

struct NativeArgs {
  long frames = -1;  // −1: run until the window is closed
  std::string screenshot;
  std::string font;
  std::string hash;
  std::string export_dir = ".";
  std::string lessons;
  std::string lesson;
};

extern const char kNativeUsage[];

// Reads argv[1 …] over the defaults in *args. False when an argument is unknown, lacks its value
// or is out of range, or --screenshot comes without --frames.
bool parse_native_args(int argc, const char* const* argv, NativeArgs* args);

// The swap interval to ask SDL for: a bounded run (--frames) is a test and does not wait for
// vsync (0); an open-ended one follows the app's frame pacer (LabApp::swap_interval()).
int native_swap_interval(const NativeArgs& args, int app_interval);

}  // namespace bplab
