// A minimal PNG encoder for screenshots: 8-bit RGBA, no compression (stored deflate blocks), so
// it needs neither zlib nor libpng. A 1280×800 shot is about 4 MB, fine for a smoke test.
#pragma once
#include <cstdint>
#include <string>

namespace bplab {

// rgba: height rows of width × 4 bytes, top row first. Returns false if the file cannot be written.
bool write_png_rgba(const std::string& path, int width, int height, const std::uint8_t* rgba);

}  // namespace bplab
