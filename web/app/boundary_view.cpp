#include "boundary_view.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "point_sprites.h"
#include "colormap.h"
#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"
#include "metrics.h"
#include "texture_changes.h"

namespace bplab {
namespace {

// The plane shown: the data sets lie in about [−1, 1]², plus room for noise.
constexpr double kPlaneLo = -1.2, kPlaneHi = 1.2;
constexpr float kLegendHeight = 10.0f;
constexpr int kLegendSegments = 32;

ImTextureID texture_id(unsigned texture) {
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture));
}

ImU32 im_colour(lab::Rgb c, float alpha = 1.0f) { return lab::pack_rgba8(c, alpha); }

// The value range the output unit is coloured over: its target column's range.
lab::ValueRange output_range(const lab::Lab& lab, int unit) {
  return lab::target_range(lab.raw_train(), lab.raw_test(), unit, lab.classification());
}

// A unit's range: the output layer's as on the main map, an input feature's or hidden unit's by
// its activation (lab::activation_range).
lab::ValueRange unit_range(const lab::Lab& lab, int layer, int unit) {
  const bp::Network& net = lab.network();
  if (layer == net.num_layers() - 1) return output_range(lab, unit);
  return lab::activation_range(layer == 0 ? bp::ActivationId::Linear : net.activation(layer));
}

MapRequest unit_request(const lab::Lab& lab, int layer, int unit) {
  MapRequest r;
  r.lo = kPlaneLo;
  r.hi = kPlaneHi;
  r.layer = layer;
  r.unit = unit;
  const lab::ValueRange range = unit_range(lab, layer, unit);
  r.value_lo = range.lo;
  r.value_hi = range.hi;
  return r;
}

std::string fixed(double v, const char* format) {
  char text[32];
  std::snprintf(text, sizeof text, format, v);
  return text;
}
std::string fixed3(double v) { return fixed(v, "%.3f"); }
std::string fixed4(double v) { return fixed(v, "%.4f"); }

bool named_checkbox(const char* label, bool* value) {
  const bool changed = ImGui::Checkbox(label, value);
  item_registry::record(label);
  return changed;
}

void draw_points(ImDrawList* dl, const bp::Dataset& data, int unit, lab::ValueRange range,
                 ImVec2 p0, float side, ImU32 outline) {
  const float scale = side / static_cast<float>(kPlaneHi - kPlaneLo);
  for (int s = 0; s < data.size(); ++s) {
    const double* x = data.input(s);
    // x₁ rightwards from the left edge, x₂ upwards from the bottom edge.
    const ImVec2 c(p0.x + static_cast<float>(x[0] - kPlaneLo) * scale,
                   p0.y + side - static_cast<float>(x[1] - kPlaneLo) * scale);
    point_sprites::draw(dl, c, im_colour(lab::colour(data.target(s)[unit], range)),
                        outline);
  }
}

// Several classes: each point in its class's colour and shape (bp::class_of its target row).
void draw_class_points(ImDrawList* dl, const bp::Dataset& data, ImVec2 p0, float side, ImU32 outline) {
  const float scale = side / static_cast<float>(kPlaneHi - kPlaneLo);
  for (int s = 0; s < data.size(); ++s) {
    const double* x = data.input(s);
    const ImVec2 c(p0.x + static_cast<float>(x[0] - kPlaneLo) * scale,
                   p0.y + side - static_cast<float>(x[1] - kPlaneLo) * scale);
    const int k = bp::class_of(data.target(s), data.n_targets);
    point_sprites::draw(dl, c, im_colour(lab::kClassColours[k % lab::kMaxClassColours]), outline,
                        point_sprites::shape_of_class(k));
  }
}

// The class map's legend: each class's shape, colour and name, and what the saturation means.
void draw_class_legend(ImDrawList* dl, int classes) {
  const float h = ImGui::GetTextLineHeight();
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (int k = 0; k < classes; ++k) {
    char name[48];
    std::snprintf(name, sizeof name, "class %d (%s)", k, lab::class_colour_name(k));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = h + style.ItemSpacing.x + ImGui::CalcTextSize(name).x;
    if (k > 0) {  // on the same line while it fits
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    point_sprites::draw(dl, ImVec2(at.x + 0.5f * h, at.y + 0.5f * h),
                        im_colour(lab::kClassColours[k % lab::kMaxClassColours]),
                        IM_COL32(30, 30, 30, 220), point_sprites::shape_of_class(k));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(name);
  }
  ImGui::TextDisabled("Colour: the most probable class; paler: less sure.");
}

void draw_legend(ImDrawList* dl, ImVec2 p0, float width, lab::ValueRange range, bool classification) {
  // The C++ colour map itself, in kLegendSegments linear pieces (it is piecewise linear, so the
  // pieces meet the anchors exactly when kLegendSegments is even).
  const float w = width / kLegendSegments;
  for (int k = 0; k < kLegendSegments; ++k) {
    const ImU32 a = im_colour(lab::colour(double(k) / kLegendSegments));
    const ImU32 b = im_colour(lab::colour(double(k + 1) / kLegendSegments));
    dl->AddRectFilledMultiColor(ImVec2(p0.x + k * w, p0.y), ImVec2(p0.x + (k + 1) * w, p0.y + kLegendHeight),
                                a, b, b, a);
  }
  ImGui::Dummy(ImVec2(width, kLegendHeight));
  char lo[48], hi[48];
  if (classification) {
    std::snprintf(lo, sizeof lo, "class 0 (y = 0)");
    std::snprintf(hi, sizeof hi, "class 1 (y = 1)");
  } else {
    std::snprintf(lo, sizeof lo, "%.3g", range.lo);
    std::snprintf(hi, sizeof hi, "%.3g", range.hi);
  }
  ImGui::TextUnformatted(lo);
  ImGui::SameLine(std::max(0.0f, width - ImGui::CalcTextSize(hi).x));
  ImGui::TextUnformatted(hi);
}

// The shader's read-back on a grid × grid lattice over [−1, 1]²; false with check->error on failure.
bool sample_grid(BoundaryRenderer& renderer, const lab::Lab& lab, const MapRequest& request, int grid,
                 int size, std::vector<ShaderSample>* samples, ShaderCheck* check) {
  if (!renderer.set_network(lab.network(), lab.settings().features)) {
    check->error = renderer.error();
    return false;
  }
  std::vector<std::array<double, 2>> points;
  for (int a = 0; a < grid; ++a)
    for (int b = 0; b < grid; ++b)
      points.push_back({-1.0 + 2.0 * a / std::max(1, grid - 1), -1.0 + 2.0 * b / std::max(1, grid - 1)});
  if (!renderer.sample(request, size, points, samples)) {
    check->error = renderer.error();
    return false;
  }
  return true;
}

// Counts a sample with its error, keeping the worst. A NaN from either side counts as a failure,
// not as a small error.
void count(const ShaderSample& s, double error, ShaderCheck* check) {
  if (!(error <= check->max_error)) {
    check->max_error = std::isnan(error) ? INFINITY : error;
    check->worst_x1 = s.x1;
    check->worst_x2 = s.x2;
  }
  ++check->points;
}

}  // namespace

ShaderCheck check_shader(BoundaryRenderer& renderer, const lab::Lab& lab, int layer, int unit,
                         int grid, int size) {
  ShaderCheck check;
  const bp::Network& net = lab.network();
  const int l = layer < 0 ? net.num_layers() - 1 : layer;
  std::vector<ShaderSample> samples;
  if (!sample_grid(renderer, lab, unit_request(lab, l, unit), grid, size, &samples, &check)) return check;
  bp::Trace trace;
  for (const ShaderSample& s : samples) {
    lab.predict(s.x1, s.x2, &trace);
    const double error = std::abs(double(s.y) - trace.y[l][unit]);
    count(s, error, &check);
  }
  return check;
}

ShaderCheck check_class_shader(BoundaryRenderer& renderer, const lab::Lab& lab, int grid, int size) {
  ShaderCheck check;
  const bp::Network& net = lab.network();
  const int k = net.output_size();
  MapRequest r = unit_request(lab, net.num_layers() - 1, 0);
  r.class_map = true;
  std::vector<ShaderSample> samples;
  if (!sample_grid(renderer, lab, r, grid, size, &samples, &check)) return check;
  for (const ShaderSample& s : samples) {
    const std::vector<double> y = lab.predict_all(s.x1, s.x2);
    const int want = bp::class_of(y.data(), k);
    // The read-back is 2·class + probability (MapRequest::class_map).
    const int got = static_cast<int>(std::floor(double(s.y) / 2.0));
    const double p = double(s.y) - 2.0 * got;
    std::vector<double> sorted = y;
    std::sort(sorted.rbegin(), sorted.rend());
    // Where two classes tie within float precision either may win; otherwise the class must agree.
    const bool tie = sorted[0] - sorted[1] < 1e-4;
    const double error = got == want || tie ? std::abs(p - y[want]) : INFINITY;
    count(s, error, &check);
  }
  return check;
}

void BoundaryView::draw(UiContext& ui) {
  lab::Lab& lab = ui.lab;
  const bp::Network& net = lab.network();
  const int outputs = net.output_size();
  output_unit_ = std::clamp(output_unit_, 0, outputs - 1);
  const bool classification = lab.classification();
  const lab::ValueRange range = output_range(lab, output_unit_);
  // A classifier with several outputs: the map shows every class at once (MapRequest::class_map).
  const bool class_map = classification && outputs >= 2 && outputs <= lab::kMaxClassColours;
  const bool can_add = !(lab.settings().hidden_controls & lab::kControlData) && (outputs == 1 || class_map);

  named_checkbox("Show test data", &show_test_);
  ImGui::SameLine();
  named_checkbox("Discretize output", &discretize_);
  help_marker(
      "The colour at each point is the network's output y there: orange for class 0, blue for "
      "class 1 (for regression, the low and high ends of the targets). The dark line is the "
      "decision boundary y = 0.5. Discretize shows only which side of it a point is on. Filled "
      "points with a dark rim are training data, points with a white rim test data. Hover to read "
      "the output; click or tap to add a point (left or a tap: class 1, or the class chosen "
      "under \"Class for new points\"; right: class 0).");
  // With one output, two classes (0 orange, 1 blue): the picker serves a touch screen, which has
  // no right click for class 0.
  const bool two_classes = classification && outputs == 1;
  if ((class_map || two_classes) && can_add) {
    int& chosen = class_map ? new_class_ : new_binary_class_;
    const int classes = class_map ? outputs : 2;
    chosen = std::clamp(chosen, 0, classes - 1);
    fit_next_item_width(ImGui::GetFontSize() * 9.0f, "Class for new points", true);
    const std::string preview = "class " + std::to_string(chosen) + " (" + lab::class_colour_name(chosen) + ")";
    if (ImGui::BeginCombo("Class for new points", preview.c_str())) {
      for (int k = 0; k < classes; ++k) {
        const std::string item = "class " + std::to_string(k) + " (" + lab::class_colour_name(k) + ")";
        if (ImGui::Selectable(item.c_str(), k == chosen)) chosen = k;
        item_registry::record(item.c_str());
      }
      ImGui::EndCombo();
    }
    item_registry::record("Class for new points");
    help_marker("A click (or a tap) on the map adds a training point of this class.");
  }
  if (outputs > 1 && !class_map) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
    ImGui::SliderInt("Output", &output_unit_, 0, outputs - 1);
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float legend = kLegendHeight + ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  const float side = std::floor(std::max(64.0f, std::min(avail.x, avail.y - legend)));
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 p1(p0.x + side, p0.y + side);
  ImGui::InvisibleButton("##output_map", ImVec2(side, side),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  item_registry::record("Output map");
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // The map itself: device pixels = logical × framebuffer scale (HiDPI). While training, the
  // weights change every frame; the map then follows them refresh_.hz() times a second, evaluated
  // on a grid of refresh_.grid() texels a side and stretched bilinearly, both chosen from what the
  // redraws cost the GPU (MapRefresh). A software rasteriser (SwiftShader) takes ~30 ms for the
  // full 382² map of the largest network, so the frame rate while training stays near the idle
  // one. Paused, the map is drawn at full resolution.
  long texels = 0;
  double gpu_ms = 0;
  if (renderer_->take_render_time(&texels, &gpu_ms)) refresh_.observe(texels, gpu_ms);
  const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
  const int width = std::max(1, static_cast<int>(std::lround(side * scale.x)));
  const int height = std::max(1, static_cast<int>(std::lround(side * scale.y)));
  const bool training = lab.running();
  const double now = ImGui::GetTime();
  // The very first frame goes out without the map: compiling its shader takes software GL about
  // a third of a second, and the lab appears that much sooner with the map one frame later.
  const bool first_frame = ImGui::GetFrameCount() <= 1;
  unsigned texture = map_texture_;
  if (first_frame) {
    texture = 0;
  } else if (!training || map_texture_ == 0 || now - map_time_ >= 1.0 / refresh_.hz()) {
    texture = 0;
    if (renderer_->set_network(net, lab.settings().features)) {
      MapRequest r = unit_request(lab, net.num_layers() - 1, output_unit_);
      r.discrete = discretize_;
      r.contour = classification;
      r.class_map = class_map;
      r.line_px = 1.5f * scale.x;
      const unsigned long drawings = renderer_->drawings();
      texture = renderer_->render(r, width, height, training ? refresh_.grid() : 0);
      if (renderer_->drawings() != drawings) texture_changed(texture_id(texture));
    }
    map_texture_ = texture;
    map_time_ = now;
  }
  if (texture != 0) {
    // GL's first texture row is the map's bottom: flip v.
    dl->AddImage(texture_id(texture), p0, p1, ImVec2(0, 1), ImVec2(1, 0));
  } else {
    dl->AddRectFilled(p0, p1, im_colour(lab::kColourMid));
    dl->AddText(ImVec2(p0.x + 8, p0.y + 8), IM_COL32(40, 40, 40, 255),
                first_frame ? "Preparing the output map…" : renderer_->error().c_str());
  }

  dl->PushClipRect(p0, p1, true);
  if (class_map) {
    draw_class_points(dl, lab.raw_train(), p0, side, IM_COL32(30, 30, 30, 220));
    if (show_test_) draw_class_points(dl, lab.raw_test(), p0, side, IM_COL32_WHITE);
  } else {
    draw_points(dl, lab.raw_train(), output_unit_, range, p0, side, IM_COL32(30, 30, 30, 220));
    if (show_test_) draw_points(dl, lab.raw_test(), output_unit_, range, p0, side, IM_COL32_WHITE);
  }
  dl->PopClipRect();
  dl->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border));

  hovered_ = ImGui::IsItemHovered();
  if (hovered_) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const double x1 = kPlaneLo + (m.x - p0.x) / side * (kPlaneHi - kPlaneLo);
    const double x2 = kPlaneLo + (p1.y - m.y) / side * (kPlaneHi - kPlaneLo);
    hover_x1_ = x1;
    hover_x2_ = x2;
    lab.predict(x1, x2, &hover_trace_);
    const std::vector<double>& ys = hover_trace_.y.back();
    if (class_map) {
      std::string text = "x₁ = " + fixed3(x1) + ", x₂ = " + fixed3(x2) + "\nclass " +
                         std::to_string(bp::class_of(ys.data(), outputs)) + " (engine, double precision)";
      for (int k = 0; k < outputs; ++k) text += "\ny" + std::to_string(k + 1) + " = P(class " + std::to_string(k) + ") = " + fixed4(ys[k]);
      ImGui::SetTooltip("%s", text.c_str());
      if (can_add && ImGui::IsItemClicked(ImGuiMouseButton_Left)) lab.add_class_point(x1, x2, new_class_);
    } else {
      ImGui::SetTooltip("x₁ = %.3f, x₂ = %.3f\ny = %.4f (engine, double precision)", x1, x2, ys[output_unit_]);
    }
    if (can_add && !class_map) {
      // Left adds the high end (class 1, blue) or the class chosen in the picker, right the low
      // end (class 0, orange).
      const bool low = two_classes && new_binary_class_ == 0;
      if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) lab.add_point(x1, x2, low ? range.lo : range.hi);
      if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) lab.add_point(x1, x2, range.lo);
    }
  }
  if (class_map) draw_class_legend(dl, outputs);
  else draw_legend(dl, ImGui::GetCursorScreenPos(), side, range, classification);
}

const BoundaryView::Tile* BoundaryView::tile_for(const lab::Lab& lab, int layer, int unit, int px) {
  const int frame = ImGui::GetFrameCount();
  if (tiles_frame_ != frame) {
    tiles_frame_ = frame;
    network_ok_ = renderer_->set_network(lab.network(), lab.settings().features);
  }
  if (!network_ok_) return nullptr;
  const MapRequest request = unit_request(lab, layer, unit);
  const unsigned long version = renderer_->params_version();
  for (Tile& t : tiles_)
    if (t.request.layer == layer && t.request.unit == unit && t.px == px) {
      if (t.version != version || t.request != request) {
        if (renderer_->render_tile(request, t.x, t.y, px) == 0) return nullptr;
        t.request = request;
        t.version = version;
      }
      t.used_frame = frame;
      return &t;
    }
  constexpr int kAtlas = BoundaryRenderer::kAtlasSize;
  if (px > kAtlas) return nullptr;
  if (shelf_x_ + px > kAtlas) {
    shelf_x_ = 0;
    shelf_y_ += shelf_height_;
    shelf_height_ = 0;
  }
  if (shelf_y_ + px > kAtlas) {
    // Full: start over, but never overwrite a tile that this frame's draw list already shows.
    for (const Tile& t : tiles_)
      if (t.used_frame == frame) return nullptr;
    tiles_.clear();
    shelf_x_ = shelf_y_ = shelf_height_ = 0;
  }
  atlas_texture_ = renderer_->render_tile(request, shelf_x_, shelf_y_, px);
  if (atlas_texture_ == 0) return nullptr;
  texture_changed(texture_id(atlas_texture_));
  tiles_.push_back({request, px, shelf_x_, shelf_y_, version, frame});
  shelf_x_ += px;
  shelf_height_ = std::max(shelf_height_, px);
  return &tiles_.back();
}

void BoundaryView::draw_unit_map(const lab::Lab& lab, int layer, int unit, float size) {
  const bp::Network& net = lab.network();
  const int px = std::max(1, static_cast<int>(std::lround(size * ImGui::GetIO().DisplayFramebufferScale.x)));
  const Tile* tile = nullptr;
  if (layer >= 0 && layer < net.num_layers() && unit >= 0 && unit < net.size(layer))
    tile = tile_for(lab, layer, unit, px);
  if (tile == nullptr) {
    ImGui::Dummy(ImVec2(size, size));
    return;
  }
  // Texture coordinates of the tile, flipped vertically (GL rows grow upwards).
  const float a = static_cast<float>(BoundaryRenderer::kAtlasSize);
  const ImVec2 uv0(tile->x / a, (tile->y + px) / a), uv1((tile->x + px) / a, tile->y / a);
  ImGui::Image(texture_id(atlas_texture_), ImVec2(size, size), uv0, uv1);
}

}  // namespace bplab
