// Text wrapped at spaces only (web/app/wrapped_text.h), on ImGui's default font: numbers stay whole
// where ImGui's own wrapping splits them after the decimal point, every line fits, and the text
// drawn in a window takes exactly the lines computed.
#include "wrapped_text.h"

#include <sstream>
#include <string>
#include <vector>

#include "headless_imgui.h"

namespace {

class WrappedText : public HeadlessImGui {
 protected:
  const ImFont& font() const { return *ImGui::GetIO().Fonts->Fonts[0]; }
  float size() const { return font().FontSize; }
  float width(const std::string& s) const {
    return font().CalcTextSizeA(size(), FLT_MAX, 0.0f, s.c_str(), s.c_str() + s.size()).x;
  }
  static std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }
};

const char kLesson[] =
    "y_h1 = f(0.3775) = 0.593269992 and y_h2 = 0.596884378. The same again for the outputs gives "
    "y_o1 = 0.751365 and y_o2 = 0.772928.";

TEST_F(WrappedText, KeepsNumbersWholeWhereImGuiSplitsThem) {
  // A width that ends inside "0.596884378": ImGui breaks after its "0.".
  const std::string head = "y_h1 = f(0.3775) = 0.593269992 and y_h2 = 0.59";
  const float w = width(head);
  const char* imgui_break = font().CalcWordWrapPositionA(1.0f, kLesson, kLesson + sizeof kLesson - 1, w);
  EXPECT_EQ(std::string(kLesson, imgui_break), "y_h1 = f(0.3775) = 0.593269992 and y_h2 = 0.")
      << "ImGui 1.90 wraps after a decimal point";

  const std::vector<std::string> got = lines(bplab::break_at_spaces(font(), size(), kLesson, w));
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "y_h1 = f(0.3775) = 0.593269992 and y_h2 =");
  EXPECT_EQ(got[1].rfind("0.596884378. The same", 0), 0u) << got[1];
  for (const std::string& line : got) EXPECT_LE(width(line), w) << line;
  // Only the spaces at the breaks changed.
  std::string joined = got[0];
  for (size_t k = 1; k < got.size(); ++k) joined += " " + got[k];
  EXPECT_EQ(joined, kLesson);
}

TEST_F(WrappedText, KeepsNewlinesAndIndentationAndLongWords) {
  EXPECT_EQ(bplab::break_at_spaces(font(), size(), "passes down\n  d = 1.5\n\nend", 1000), "passes down\n  d = 1.5\n\nend");
  const float w = width("abc def");
  EXPECT_EQ(bplab::break_at_spaces(font(), size(), "abc def ghi", w), "abc def\nghi");
  EXPECT_EQ(bplab::break_at_spaces(font(), size(), "abc   def  ", width("abc   def")), "abc   def")
      << "spaces kept within a line, trailing ones dropped";
  EXPECT_EQ(bplab::break_at_spaces(font(), size(), "abc   def", w), "abc\ndef") << "the spaces at a break dropped";
  EXPECT_EQ(bplab::break_at_spaces(font(), size(), "a 0.123456789012 b", width("a 0.12")), "a\n0.123456789012\nb")
      << "a word wider than the line stays whole on its own";
  EXPECT_EQ(bplab::break_at_spaces(font(), size(), "", 100), "");
}

TEST_F(WrappedText, DrawnTextTakesTheLinesComputed) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(230, 400));
  ImGui::Begin("lesson", nullptr, ImGuiWindowFlags_NoDecoration);
  const float avail = ImGui::GetContentRegionAvail().x;
  const size_t expected = lines(bplab::break_at_spaces(font(), size(), kLesson, avail)).size();
  ASSERT_GT(expected, 2u);
  bplab::text_wrapped(kLesson);
  EXPECT_FLOAT_EQ(ImGui::GetItemRectSize().y, expected * ImGui::GetTextLineHeight())
      << "ImGui adds no break of its own";
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 120);
  const size_t narrow = lines(bplab::break_at_spaces(font(), size(), kLesson, 120)).size();
  bplab::text_wrapped(kLesson);
  EXPECT_FLOAT_EQ(ImGui::GetItemRectSize().y, narrow * ImGui::GetTextLineHeight()) << "at the pushed wrap position";
  ImGui::PopTextWrapPos();
  ImGui::End();
  ImGui::EndFrame();
}

}  // namespace
