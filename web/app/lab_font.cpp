#include "lab_font.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include "imgui.h"

namespace bplab {
namespace {

// Pairs of inclusive code point ranges, zero-terminated. ImGui keeps the pointer until the atlas
// is built, hence static storage.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (×, ·, ², ³)
    0x02B0, 0x02FF,  // spacing modifier letters: superscript letters such as ˣ
    0x0370, 0x03FF,  // Greek
    0x1D00, 0x1DBF,  // phonetic extensions: modifier letters such as ᵀ
    0x2000, 0x206F,  // general punctuation (– — … ′)
    0x2070, 0x209F,  // superscripts and subscripts
    0x20AC, 0x20AC,  // € (lesson 1 prices apples)
    0x2150, 0x215F,  // vulgar fractions (⅓ ⅔ ⅛)
    0x2190, 0x21FF,  // arrows
    0x2200, 0x22FF,  // mathematical operators (∂ Σ − √ ∞ ≈ ≤)
    0x2713, 0x2713,  // ✓ (a finished lesson step)
    0x2C7C, 0x2C7C,  // subscript j (ⱼ), missing from the subscripts block
    0,
};

}  // namespace

bool load_lab_font(const char* path, float size_px, float pixel_ratio) {
  // Read the file here rather than with AddFontFromFileTTF, which asserts on a missing file.
  std::ifstream in(path, std::ios::binary);
  const std::vector<char> ttf{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (ttf.empty()) {
    std::fprintf(stderr, "bplab: cannot read font %s, using ImGui's default font\n", path);
    return false;
  }
  // The atlas takes ownership of the copy and frees it with IM_FREE.
  void* data = IM_ALLOC(ttf.size());
  std::memcpy(data, ttf.data(), ttf.size());

  ImGuiIO& io = ImGui::GetIO();
  // Glyphs are baked at the device pixel size and drawn 1:1 at whole-pixel advances, so the
  // atlas can be sampled with nearest filtering (see render_frame): exact, and cheaper for a
  // software rasteriser than bilinear, which horizontal oversampling would need.
  ImFontConfig config;
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(ttf.size()), size_px * pixel_ratio, &config,
                                 kGlyphRanges);
  io.FontGlobalScale = 1.0f / pixel_ratio;
  return true;
}

}  // namespace bplab
