#include "wrapped_text.h"

#include <cfloat>
#include <cstring>

#include "imgui_internal.h"

namespace bplab {

namespace {

float text_width(const ImFont& font, float size, const char* begin, const char* end) {
  return font.CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
}

// Appends one paragraph (no '\n' in [begin, end)) broken at spaces.
void break_paragraph(const ImFont& font, float size, const char* begin, const char* end, float width,
                     std::string* out) {
  // The first word keeps the paragraph's leading spaces (an indented formula).
  const char* word = begin;
  while (word < end && *word == ' ') ++word;
  const char* word_end = word;
  while (word_end < end && *word_end != ' ') ++word_end;
  out->append(begin, word_end);
  float line = text_width(font, size, begin, word_end);
  while (word_end < end) {
    const char* gap = word_end;
    word = gap;
    while (word < end && *word == ' ') ++word;
    if (word == end) break;  // trailing spaces: nothing to draw
    word_end = word;
    while (word_end < end && *word_end != ' ') ++word_end;
    const float with_gap = text_width(font, size, gap, word_end);
    // As ImGui's test, so that it adds no break of its own to a line made here.
    if (line + with_gap <= width) {
      out->append(gap, word_end);
      line += with_gap;
    } else {
      out->push_back('\n');
      out->append(word, word_end);
      line = text_width(font, size, word, word_end);
    }
  }
}

}  // namespace

std::string break_at_spaces(const ImFont& font, float size, const char* text, float width) {
  std::string out;
  const char* const text_end = text + std::strlen(text);
  out.reserve(size_t(text_end - text));
  for (const char* p = text;;) {
    const char* line_end = static_cast<const char*>(std::memchr(p, '\n', size_t(text_end - p)));
    break_paragraph(font, size, p, line_end ? line_end : text_end, width, &out);
    if (!line_end) break;
    out.push_back('\n');
    p = line_end + 1;
  }
  return out;
}

void text_wrapped(const char* text) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const bool pushed = window->DC.TextWrapPos >= 0.0f;
  if (!pushed) ImGui::PushTextWrapPos(0.0f);
  const float width = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, window->DC.TextWrapPos);
  ImGui::TextUnformatted(break_at_spaces(*ImGui::GetFont(), ImGui::GetFontSize(), text, width).c_str());
  if (!pushed) ImGui::PopTextWrapPos();
}

void text_wrapped(const std::string& text) { text_wrapped(text.c_str()); }

void text_wrapped(const ImVec4& colour, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  text_wrapped(text.c_str());
  ImGui::PopStyleColor();
}

}  // namespace bplab
