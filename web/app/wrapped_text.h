// Text wrapped at spaces only. ImGui 1.90's wrapping (TextWrapped, or TextUnformatted under
// PushTextWrapPos) may also break a line after . , ; ! ? or ", so it split numbers in two
// ("y_h2 = 0." and "596884378" on the next line) in lesson text, where the numbers are what the
// learner reads and types.
#pragma once

#include <string>

#include "imgui.h"

namespace bplab {

// text with line breaks where drawn in `font` at `size` px a line would pass `width`: the spaces
// between the two words become one '\n'. Only spaces break; the text's own '\n's and a line's
// leading spaces stay, and a word wider than `width` stays whole on a line of its own.
std::string break_at_spaces(const ImFont& font, float size, const char* text, float width);

// ImGui::TextUnformatted wrapped at spaces: at the wrap position pushed (ImGui::PushTextWrapPos),
// else at the window's edge as ImGui::TextWrapped does; in `colour` when given.
void text_wrapped(const char* text);
void text_wrapped(const std::string& text);
void text_wrapped(const ImVec4& colour, const std::string& text);

}  // namespace bplab
