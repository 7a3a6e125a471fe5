#include "screenshot.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "gl.h"
#include "png_writer.h"

namespace bplab {

bool save_framebuffer_png(const std::string& path, int width, int height) {
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> pixels(row_bytes * height);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());

  // GL's first row is the bottom one, PNG's the top one.
  std::vector<std::uint8_t> top_down(pixels.size());
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* src = pixels.data() + row_bytes * (height - 1 - y);
    std::copy(src, src + row_bytes, top_down.data() + row_bytes * y);
  }
  // The window is opaque whatever alpha the blending left in the framebuffer.
  for (std::size_t i = 3; i < top_down.size(); i += 4) top_down[i] = 255;
  if (!write_png_rgba(path, width, height, top_down.data())) {
    std::fprintf(stderr, "bplab: cannot write %s\n", path.c_str());
    return false;
  }
  return true;
}

}  // namespace bplab
