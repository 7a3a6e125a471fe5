// The panel layout (web/app/panel_layout.h) at the display sizes the lab must serve: wide,
// narrow (1024×600) and a tablet in landscape and upright (1080×810, 810×1080), with every
// combination of panels a lesson or an embedded frame can ask for.
#include "panel_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bplab {
namespace {

struct Size {
  float w, h;
};
const Size kSizes[] = {{1920, 1080}, {1280, 800}, {1024, 600}, {1080, 810}, {810, 1080}};

struct Named {
  const char* name;
  PanelRect rect;
  bool wanted;
};

std::vector<Named> panels(const PanelLayout& l, const PanelSet& s) {
  return {{"controls", l.controls, s.controls}, {"view", l.view, s.view},
          {"network", l.network, s.network},    {"lesson", l.lesson, s.lesson},
          {"loss", l.loss, s.loss},             {"details", l.details, s.details}};
}

// Every subset of the six panels that has at least one.
std::vector<PanelSet> every_panel_set() {
  std::vector<PanelSet> sets;
  for (int bits = 1; bits < 64; ++bits)
    sets.push_back({bool(bits & 1), bool(bits & 2), bool(bits & 4), bool(bits & 8), bool(bits & 16),
                    bool(bits & 32)});
  return sets;
}

bool overlap(const PanelRect& a, const PanelRect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

TEST(PanelLayout, PanelsTileTheDisplayWithoutOverlapAtEverySize) {
  for (const Size size : kSizes) {
    for (const PanelSet& set : every_panel_set()) {
      const PanelLayout layout = layout_panels(size.w, size.h, set);
      const std::vector<Named> all = panels(layout, set);
      double area = 0;
      for (size_t i = 0; i < all.size(); ++i) {
        const Named& p = all[i];
        const std::string where = std::string(p.name) + " at " + std::to_string(int(size.w)) + "x" +
                                  std::to_string(int(size.h));
        EXPECT_EQ(p.rect.shown(), p.wanted) << where;
        if (!p.rect.shown()) continue;
        EXPECT_GE(p.rect.x, 0) << where;
        EXPECT_GE(p.rect.y, 0) << where;
        EXPECT_LE(p.rect.x + p.rect.w, size.w) << where;
        EXPECT_LE(p.rect.y + p.rect.h, size.h) << where;
        EXPECT_EQ(p.rect.x, float(int(p.rect.x))) << where << ": edges on whole units";
        EXPECT_EQ(p.rect.w, float(int(p.rect.w))) << where << ": edges on whole units";
        area += double(p.rect.w) * p.rect.h;
        for (size_t j = i + 1; j < all.size(); ++j)
          if (all[j].rect.shown()) EXPECT_FALSE(overlap(p.rect, all[j].rect)) << where << " and " << all[j].name;
      }
      // Without overlaps, covering the whole area means no gap is left either.
      EXPECT_DOUBLE_EQ(area, double(size.w) * size.h) << int(size.w) << "x" << int(size.h);
    }
  }
}

TEST(PanelLayout, EveryPanelKeepsAUsableSizeAtTheRequiredSizes) {
  for (const Size size : kSizes) {
    for (const PanelSet& set : every_panel_set()) {
      const PanelLayout layout = layout_panels(size.w, size.h, set);
      for (const Named& p : panels(layout, set)) {
        if (!p.wanted) continue;
        const float narrowest = std::string(p.name) == "controls" ? kMinControls : kMinColumn;
        EXPECT_GE(p.rect.w, narrowest) << p.name << " at " << size.w << "x" << size.h;
        EXPECT_GE(p.rect.h, 120.0f) << p.name << " at " << size.w << "x" << size.h;
      }
    }
  }
}

TEST(PanelLayout, WideAndLandscapeDisplaysGetThreeColumns) {
  for (const Size size : {Size{1920, 1080}, Size{1280, 800}, Size{1024, 600}, Size{1080, 810}}) {
    const PanelLayout l = layout_panels(size.w, size.h, PanelSet{});
    EXPECT_EQ(l.mode, PanelLayout::Mode::Columns) << size.w << "x" << size.h;
    EXPECT_EQ(l.controls.h, size.h);
    EXPECT_EQ(l.view.x, l.controls.w);
    EXPECT_EQ(l.loss.x, l.view.x + l.view.w);
  }
  // 1280 wide: the controls at their narrowest (27 % of the width would cut their widest row),
  // the map 48 % of the rest, about square.
  const PanelLayout wide = layout_panels(1280, 800, PanelSet{});
  EXPECT_EQ(wide.controls.w, kMinControls);
  EXPECT_EQ(wide.view.w, 432);
  EXPECT_EQ(layout_panels(1920, 1080, PanelSet{}).controls.w, 400);
  EXPECT_EQ(wide.view.h, 480);
}

TEST(PanelLayout, AnUprightTabletGetsTwoRowsWithLargeViews) {
  const PanelLayout l = layout_panels(810, 1080, PanelSet{});
  EXPECT_EQ(l.mode, PanelLayout::Mode::Rows);
  // The map beside the network on top, each half the width: no thumbnail.
  EXPECT_EQ(l.view.y, 0);
  EXPECT_EQ(l.network.y, 0);
  EXPECT_EQ(l.view.w, 405);
  EXPECT_EQ(l.network.w, 405);
  EXPECT_GE(l.view.h, 400);
  // Below: the controls on the left, the loss over the details on the right.
  EXPECT_EQ(l.controls.y, l.view.h);
  EXPECT_EQ(l.controls.x, 0);
  EXPECT_EQ(l.loss.x, l.controls.w);
  EXPECT_EQ(l.details.y, l.loss.y + l.loss.h);
}

TEST(PanelLayout, ANarrowDisplayStacksEvenWhenWide) {
  // The controls and two columns of kMinColumn do not fit in 950 units.
  EXPECT_EQ(layout_panels(950, 700, PanelSet{}).mode, PanelLayout::Mode::Rows);
  // Two columns do (an embedded frame with no controls).
  PanelSet two;
  two.controls = false;
  EXPECT_EQ(layout_panels(850, 700, two).mode, PanelLayout::Mode::Columns);
}

}  // namespace
}  // namespace bplab
