// FrameDamage on real ImGui frames (no GL needed: it compares draw lists): what it asks to draw
// again after a curve grows by a point, a number gets a digit longer, nothing changes, or a window
// moves. The browser test partial_redraw.test.mjs checks the pixels that result.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <vector>

#include "frame_damage.h"
#include "headless_imgui.h"

namespace {

using bplab::FrameDamage;
using bplab::Redraw;

constexpr ImVec2 kWindowPos(20, 30), kWindowSize(400, 300);

class FrameDamageTest : public HeadlessImGui {
 protected:
  // Point k of the test curve: a noisy falling line, one point per 1.5 px.
  static ImVec2 curve_point(int k) {
    const float noise = float((k * 7919) % 13) * 0.6f;
    return ImVec2(kWindowPos.x + 20 + 1.5f * float(k),
                  kWindowPos.y + 60 + 150 * std::exp(-float(k) / 60) + noise);
  }

  // A frame of one window showing `text` and the first `points` points of the curve, shifted
  // down by `shift` pixels; the window at `pos`.
  Redraw frame(const char* text, int points, float shift = 0, ImVec2 pos = kWindowPos) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(kWindowSize);
    ImGui::Begin("plot", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(text);
    std::vector<ImVec2> pts;
    for (int k = 0; k < points; ++k) pts.push_back(ImVec2(curve_point(k).x, curve_point(k).y + shift));
    ImGui::GetWindowDrawList()->AddPolyline(pts.data(), int(pts.size()), IM_COL32(110, 200, 255, 255),
                                            ImDrawFlags_None, 1.5f);
    ImGui::End();
    ImGui::Render();
    return damage_.compare_and_clip(ImGui::GetDrawData(), bplab::drawn_windows(), {});
  }

  static double area(const Redraw& r) {
    double a = 0;
    for (const Redraw::Part& p : r.parts) a += double(p.max.x - p.min.x) * double(p.max.y - p.min.y);
    return a;
  }

  FrameDamage damage_;
};

TEST_F(FrameDamageTest, AnUnchangedFrameDrawsNothing) {
  EXPECT_TRUE(frame("iteration 100", 200).everything);  // nothing to compare with yet
  const Redraw r = frame("iteration 100", 200);
  EXPECT_FALSE(r.everything);
  EXPECT_TRUE(r.parts.empty());
}

TEST_F(FrameDamageTest, ACurveWithOneMorePointDrawsOnlyItsEnd) {
  frame("iteration 100", 200);
  const Redraw r = frame("iteration 100", 201);
  ASSERT_FALSE(r.everything);
  ASSERT_FALSE(r.parts.empty());
  const float end_x = curve_point(200).x;
  for (const Redraw::Part& p : r.parts) {
    EXPECT_GT(p.min.x, end_x - 10);  // the last two segments and their joins, not the curve
    EXPECT_LE(p.max.x, end_x + 3);
  }
  EXPECT_LT(area(r), 0.01 * kWindowSize.x * kWindowSize.y);
}

TEST_F(FrameDamageTest, ALongerNumberDrawsItsLineOnly) {
  frame("iteration 999", 200);
  const Redraw r = frame("iteration 1000", 200);
  ASSERT_FALSE(r.everything);
  ASSERT_EQ(r.parts.size(), 1u);
  const float line_h = ImGui::GetTextLineHeight();
  EXPECT_LT(r.parts[0].max.y - r.parts[0].min.y, line_h + 4);
  EXPECT_LT(r.parts[0].max.y, kWindowPos.y + 2 * line_h + 8);
}

TEST_F(FrameDamageTest, APartHoldsOnlyTheTrianglesThatReachIntoIt) {
  frame("iteration 100", 200);
  const Redraw r = frame("iteration 101", 201);
  ASSERT_FALSE(r.everything);
  ASSERT_EQ(r.parts.size(), 2u);  // the number and the curve's end, far apart
  for (const Redraw::Part& p : r.parts) {
    int triangles = 0;
    for (const ImDrawList* list : p.lists) {
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        EXPECT_GE(cmd.ClipRect.x, p.min.x);
        EXPECT_LE(cmd.ClipRect.z, p.max.x);
        for (unsigned t = 0; t < cmd.ElemCount; t += 3, ++triangles) {
          ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
          for (unsigned k = 0; k < 3; ++k) {
            const unsigned at = cmd.VtxOffset + list->IdxBuffer[int(cmd.IdxOffset + t + k)];
            const ImVec2 v = list->VtxBuffer[int(at)].pos;
            lo = ImVec2(std::min(lo.x, v.x), std::min(lo.y, v.y));
            hi = ImVec2(std::max(hi.x, v.x), std::max(hi.y, v.y));
          }
          EXPECT_TRUE(lo.x < p.max.x && hi.x > p.min.x && lo.y < p.max.y && hi.y > p.min.y);
        }
      }
    }
    EXPECT_GT(triangles, 0);
    EXPECT_LT(triangles, 200);  // of about 1 200 in the window
  }
}

TEST_F(FrameDamageTest, ACurveThatMovedEverywhereDrawsItsBoxOrTheWindow) {
  frame("iteration 100", 200);
  // The same triangles moved: the box around them, where they were and are, not the text above.
  Redraw r = frame("iteration 100", 200, 3.0f);
  ASSERT_FALSE(r.everything);
  ASSERT_EQ(r.parts.size(), 1u);
  EXPECT_LE(r.parts[0].min.x, curve_point(0).x - 1);
  EXPECT_GE(r.parts[0].max.x, curve_point(199).x + 1);
  EXPECT_GT(r.parts[0].min.y, kWindowPos.y + ImGui::GetTextLineHeight());
  // Moved and grown: too many triangles to match in order, so the whole window.
  r = frame("iteration 100", 201);
  ASSERT_FALSE(r.everything);
  ASSERT_EQ(r.parts.size(), 1u);
  EXPECT_EQ(r.parts[0].min.x, kWindowPos.x);
  EXPECT_EQ(r.parts[0].max.y, kWindowPos.y + kWindowSize.y);
}

TEST_F(FrameDamageTest, AMovedWindowDrawsEverything) {
  frame("iteration 100", 200);
  EXPECT_TRUE(frame("iteration 100", 200, 0, ImVec2(kWindowPos.x + 1, kWindowPos.y)).everything);
  EXPECT_FALSE(frame("iteration 100", 200, 0, ImVec2(kWindowPos.x + 1, kWindowPos.y)).everything);
}

}  // namespace
