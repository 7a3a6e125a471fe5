#include "damage_boxes.h"

#include <algorithm>
#include <cmath>

namespace bplab {

Box Box::united(const Box& o) const {
  if (empty()) return o;
  if (o.empty()) return *this;
  return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

Box Box::clipped(const Box& o) const {
  return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
}

namespace {

// Joins overlapping boxes until no two overlap (a union can overlap a third box, hence the loop).
void join_overlapping(std::vector<Box>* boxes) {
  for (bool joined = true; joined;) {
    joined = false;
    for (std::size_t i = 0; i < boxes->size() && !joined; ++i) {
      for (std::size_t j = i + 1; j < boxes->size() && !joined; ++j) {
        if (!(*boxes)[i].overlaps((*boxes)[j])) continue;
        (*boxes)[i] = (*boxes)[i].united((*boxes)[j]);
        boxes->erase(boxes->begin() + std::ptrdiff_t(j));
        joined = true;
      }
    }
  }
}

}  // namespace

void DamageBoxes::add(const Box& b) {
  if (b.empty()) return;
  const Box reach{b.x0 - join_gap_, b.y0 - join_gap_, b.x1 + join_gap_, b.y1 + join_gap_};
  for (Box& o : boxes_) {
    if (reach.overlaps(o)) {
      o = o.united(b);
      return;
    }
  }
  boxes_.push_back(b);
}

std::vector<Box> DamageBoxes::finish(float margin, const Box& bounds, int max_boxes) const {
  std::vector<Box> out;
  for (const Box& b : boxes_) {
    const Box r = Box{std::floor(b.x0 - margin), std::floor(b.y0 - margin), std::ceil(b.x1 + margin),
                      std::ceil(b.y1 + margin)}
                      .clipped(bounds);
    if (!r.empty()) out.push_back(r);
  }
  join_overlapping(&out);
  while (out.size() > std::size_t(std::max(max_boxes, 1))) {
    std::size_t bi = 0, bj = 1;
    double least = -1;
    for (std::size_t i = 0; i < out.size(); ++i) {
      for (std::size_t j = i + 1; j < out.size(); ++j) {
        const double added = out[i].united(out[j]).area() - out[i].area() - out[j].area();
        if (least < 0 || added < least) least = added, bi = i, bj = j;
      }
    }
    out[bi] = out[bi].united(out[bj]);
    out.erase(out.begin() + std::ptrdiff_t(bj));
    join_overlapping(&out);
  }
  return out;
}

}  // namespace bplab
