// DrawReplay on real ImGui frames: a part recorded on one frame and appended on the next gives the
// same draw list as drawing it again, wherever the part starts in the list; a part that spans two
// draw commands is not recorded.
#include <gtest/gtest.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "draw_replay.h"
#include "headless_imgui.h"

namespace {

using bplab::DrawReplay;

class DrawReplayTest : public HeadlessImGui {
 protected:
  // The part: cells, a thick line and a circle, as the landscape plot draws them.
  static void draw_part(ImDrawList* dl) {
    for (int k = 0; k < 40; ++k)
      dl->AddRectFilled(ImVec2(100.0f + 5 * k, 100), ImVec2(105.0f + 5 * k, 105), IM_COL32(k, 2 * k, 255 - k, 255));
    dl->AddLine(ImVec2(100, 150), ImVec2(300, 220), IM_COL32(40, 40, 40, 255), 1.5f);
    dl->AddCircleFilled(ImVec2(200, 200), 5, IM_COL32(255, 214, 10, 255));
  }

  struct List {
    std::vector<ImDrawVert> vtx;
    std::vector<ImDrawIdx> idx;
    std::vector<unsigned> elems;
  };

  // A frame of one window: `text`, then the part in its own clip rectangle, drawn or replayed.
  // Returns the window's draw list.
  List frame(const std::string& text, DrawReplay* replay, bool record) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(20, 30));
    ImGui::SetNextWindowSize(ImVec2(500, 400));
    ImGui::Begin("plot", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(text.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(ImVec2(90, 90), ImVec2(400, 300), true);
    if (record) {
      replay->begin(*dl);
      draw_part(dl);
      EXPECT_TRUE(replay->end(*dl));
    } else if (replay != nullptr) {
      EXPECT_TRUE(replay->replay(dl));
    } else {
      draw_part(dl);
    }
    dl->PopClipRect();
    ImGui::TextUnformatted("after");
    List out{{dl->VtxBuffer.begin(), dl->VtxBuffer.end()}, {dl->IdxBuffer.begin(), dl->IdxBuffer.end()}, {}};
    for (const ImDrawCmd& c : dl->CmdBuffer) out.elems.push_back(c.ElemCount);
    ImGui::End();
    ImGui::Render();
    return out;
  }

  static void expect_same(const List& a, const List& b) {
    ASSERT_EQ(a.vtx.size(), b.vtx.size());
    ASSERT_EQ(a.idx, b.idx);
    EXPECT_EQ(a.elems, b.elems);
    for (std::size_t k = 0; k < a.vtx.size(); ++k) {
      EXPECT_EQ(a.vtx[k].pos.x, b.vtx[k].pos.x) << k;
      EXPECT_EQ(a.vtx[k].pos.y, b.vtx[k].pos.y) << k;
      EXPECT_EQ(a.vtx[k].col, b.vtx[k].col) << k;
    }
  }
};

TEST_F(DrawReplayTest, ReplayGivesTheSameListAsDrawing) {
  DrawReplay replay;
  EXPECT_FALSE(replay.has());
  const List recorded = frame("E = 0.25", &replay, true);
  EXPECT_TRUE(replay.has());
  const List replayed = frame("E = 0.25", &replay, false);
  expect_same(replayed, recorded);
}

TEST_F(DrawReplayTest, IndicesFollowWhereThePartStarts) {
  DrawReplay replay;
  frame("E = 0.25", &replay, true);
  // A longer text before the part: more vertices ahead of it.
  const std::string longer = "E = 0.25 and a good deal more text before the part";
  const List replayed = frame(longer, &replay, false);
  const List drawn = frame(longer, nullptr, false);
  expect_same(replayed, drawn);
}

TEST_F(DrawReplayTest, APartThatOpensAnotherCommandIsNotRecorded) {
  DrawReplay replay;
  ImGui::NewFrame();
  ImGui::Begin("plot", nullptr, ImGuiWindowFlags_NoSavedSettings);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  replay.begin(*dl);
  dl->PushClipRect(ImVec2(90, 90), ImVec2(400, 300), true);
  draw_part(dl);
  dl->PopClipRect();
  EXPECT_FALSE(replay.end(*dl));
  EXPECT_FALSE(replay.has());
  EXPECT_FALSE(replay.replay(dl));
  ImGui::End();
  ImGui::Render();
}

}  // namespace
