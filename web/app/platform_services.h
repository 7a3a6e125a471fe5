// What the app needs from its platform, implemented once for the browser (services_web.cpp:
// downloads, the file picker, location.hash, localStorage) and once natively
// (services_native.cpp: files in a folder, a settings file), and the GPU work of the output maps
// (gl_boundary_renderer.cpp, WebGL2 and OpenGL 3.3). The app never includes SDL, GL or Emscripten
// headers for these.
#pragma once
#include <memory>
#include <string>

#include "boundary_renderer.h"

namespace bplab::platform {

// The URL hash without '#' (web); natively the value of --hash, or "".
std::string url_hash();
// Replaces the URL hash without adding a browser history entry (web); natively a no-op.
void set_url_hash(const std::string& hash);

// Saves `bytes` as a file named `name`: a browser download, or natively a file in the export
// folder (--export-dir, default the current folder). Returns a note for the learner.
std::string save_file(const std::string& name, const std::string& bytes, const char* mime);

// What an opened file is for.
enum class FilePurpose { Model, Data, Lesson };
// Web: opens the browser's file picker; the file arrives later through poll_opened_file().
// Natively: reads `native_path` at once and queues it the same way (errors are queued as the
// file's error).
void open_file(FilePurpose purpose, const std::string& native_path);
struct OpenedFile {
  FilePurpose purpose;
  std::string name;
  std::string content;
  std::string error;  // non-empty when the file could not be read
};
// The next opened model or data file, if any.
bool poll_opened_file(OpenedFile* out);
// The next opened or fetched lesson file (FilePurpose::Lesson), if any: the Lessons tab takes
// these, the Files tab the others.
bool poll_opened_lesson(OpenedFile* out);
// Web: fetches `url`, relative to the page (the caller checks that it is), and queues it as an
// opened file named by the URL; natively reads the path, as open_file.
void fetch_file(FilePurpose purpose, const std::string& url);
// True where open_file shows its own picker (the web); natively the UI asks for a path.
bool has_file_picker();

// Small persistent key/value store: localStorage on the web, a file natively.
std::string storage_get(const std::string& key);
void storage_set(const std::string& key, const std::string& value);

// Whether the learner asked the system for less animation (the browser's
// prefers-reduced-motion media query, read when asked); natively false.
bool prefers_reduced_motion();

// Asks for a PNG screenshot of the next rendered frame, saved as `name`.
void request_screenshot(const std::string& name);

// A renderer of the output maps. It touches the GPU only from its first set_network() on, which
// needs the window's GL context current.
std::unique_ptr<BoundaryRenderer> make_boundary_renderer();

}  // namespace bplab::platform
