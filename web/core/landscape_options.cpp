#include "landscape_options.h"

#include <algorithm>
#include <vector>

#include "number_text.h"

namespace lab {
namespace {

struct ModeName {
  LandscapeMode mode;
  const char* name;
};
constexpr ModeName kModeNames[] = {{LandscapeMode::Names, "names"},
                                   {LandscapeMode::Hessian, "hessian"},
                                   {LandscapeMode::Random, "random"},
                                   {LandscapeMode::Path, "path"},
                                   {LandscapeMode::Line, "line"}};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// The shape of an engine parameter name (param_names.h): w<k> or b<layer>.<unit>, k, layer, unit
// whole numbers from 1.
bool is_param_name(std::string_view n) {
  const auto digits = [](std::string_view d) {
    return !d.empty() && d.size() <= 6 && d.front() != '0' &&
           d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (n.size() < 2) return false;
  if (n.front() == 'w') return digits(n.substr(1));
  if (n.front() != 'b') return false;
  const std::size_t dot = n.find('.');
  return dot != std::string_view::npos && digits(n.substr(1, dot - 1)) && digits(n.substr(dot + 1));
}

bool read_plane(std::string_view text, LandscapeOptions* o) {
  if (const std::size_t comma = text.find(','); comma != std::string_view::npos) {
    const std::string_view first = text.substr(0, comma), second = text.substr(comma + 1);
    if (!is_param_name(first) || !is_param_name(second) || first == second) return false;
    o->mode = LandscapeMode::Names;
    o->name1 = std::string(first);
    o->name2 = std::string(second);
    return true;
  }
  if (text.substr(0, 7) == "random@") {
    double seed;
    if (!bp::parse_number(text.substr(7), &seed) || seed < 0 || seed > 2147483647.0 ||
        seed != double(std::uint64_t(seed)))
      return false;
    o->mode = LandscapeMode::Random;
    o->seed = std::uint64_t(seed);
    return true;
  }
  for (const ModeName& m : kModeNames)
    if (m.mode != LandscapeMode::Names && text == m.name) {
      o->mode = m.mode;
      return true;
    }
  return false;
}

}  // namespace

const char* landscape_mode_name(LandscapeMode mode) {
  for (const ModeName& m : kModeNames)
    if (m.mode == mode) return m.name;
  return "names";
}

std::string landscape_link(const LandscapeOptions& o) {
  std::string plane = o.mode == LandscapeMode::Names ? o.name1 + "," + o.name2 : landscape_mode_name(o.mode);
  if (o.mode == LandscapeMode::Random && o.seed != LandscapeOptions{}.seed)
    plane += "@" + std::to_string(o.seed);
  return plane + ":" + std::to_string(o.grid) + ":" + bp::format_number(o.range) +
         (o.with_penalty ? ":penalty" : "");
}

bool parse_landscape_link(std::string_view text, LandscapeOptions* out) {
  std::vector<std::string_view> fields = split(text, ':');
  LandscapeOptions o;
  if (fields.size() > 1 && fields.back() == "penalty") {
    o.with_penalty = true;
    fields.pop_back();
  }
  if (fields.size() > 3 || !read_plane(fields[0], &o)) return false;
  if (fields.size() > 1) {
    double grid;
    if (!bp::parse_number(fields[1], &grid) ||
        std::find(std::begin(kLandscapeGrids), std::end(kLandscapeGrids), grid) == std::end(kLandscapeGrids))
      return false;
    o.grid = int(grid);
  }
  if (fields.size() > 2 && (!bp::parse_number(fields[2], &o.range) || !(o.range >= kMinLandscapeRange) ||
                            !(o.range <= kMaxLandscapeRange)))
    return false;
  *out = o;
  return true;
}

}  // namespace lab
