// Saves what the current GL framebuffer shows, for headless smoke tests of the native app.
#pragma once
#include <string>

namespace bplab {

// Reads back width × height pixels of the bound (back) buffer and writes them as a PNG.
bool save_framebuffer_png(const std::string& path, int width, int height);

}  // namespace bplab
