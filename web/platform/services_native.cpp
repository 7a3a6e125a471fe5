// Native side of platform_services.h: exports go to a folder, opened files are read from a path
// the learner typed, storage is one file per key under $XDG_CONFIG_HOME/bplab (or ~/.config).
#include <cctype>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

#include "imgui.h"
#include "model_io.h"
#include "platform_services.h"
#include "screenshot.h"
#include "services_loop.h"

namespace bplab::platform {
namespace {

std::string g_hash;
std::string g_export_dir = ".";
std::deque<OpenedFile> g_opened;
std::deque<OpenedFile> g_lessons;
std::string g_screenshot;

std::string config_dir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  const std::string base = xdg && *xdg ? xdg : std::string(home ? home : ".") + "/.config";
  ::mkdir(base.c_str(), 0755);
  const std::string dir = base + "/bplab";
  ::mkdir(dir.c_str(), 0755);
  return dir;
}

// Keys become file names: keep letters, digits, '-' and '_' only.
std::string key_path(const std::string& key) {
  std::string safe;
  for (char c : key) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return config_dir() + "/" + safe;
}

}  // namespace

void configure_native(const std::string& hash, const std::string& export_dir) {
  g_hash = hash;
  if (!export_dir.empty()) g_export_dir = export_dir;
}

std::string url_hash() { return g_hash; }

void set_url_hash(const std::string& hash) { g_hash = hash; }

std::string save_file(const std::string& name, const std::string& bytes, const char*) {
  const std::string path = g_export_dir + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? "Saved " + path + "." : "Could not write " + path + ".";
}

void open_file(FilePurpose purpose, const std::string& native_path) {
  OpenedFile file{purpose, native_path, "", ""};
  const bp::Status s = bp::read_file(native_path, &file.content);
  if (!s) file.error = s.message();
  (purpose == FilePurpose::Lesson ? g_lessons : g_opened).push_back(std::move(file));
}

void fetch_file(FilePurpose purpose, const std::string& url) { open_file(purpose, url); }

bool poll_opened_lesson(OpenedFile* out) {
  if (g_lessons.empty()) return false;
  *out = std::move(g_lessons.front());
  g_lessons.pop_front();
  return true;
}

bool poll_opened_file(OpenedFile* out) {
  if (g_opened.empty()) return false;
  *out = std::move(g_opened.front());
  g_opened.pop_front();
  return true;
}

bool has_file_picker() { return false; }

bool prefers_reduced_motion() { return false; }

std::string storage_get(const std::string& key) {
  std::ifstream in(key_path(key), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void storage_set(const std::string& key, const std::string& value) {
  std::ofstream(key_path(key), std::ios::binary) << value;
}

void request_screenshot(const std::string& name) { g_screenshot = name; }

void after_render() {
  if (g_screenshot.empty()) return;
  const ImGuiIO& io = ImGui::GetIO();
  const int w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
  const int h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
  save_framebuffer_png(g_export_dir + "/" + g_screenshot, w, h);
  g_screenshot.clear();
}

}  // namespace bplab::platform
