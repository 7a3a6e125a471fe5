// Which elements two sequences have in common, in order: a shortest edit script between a[0 … n)
// and b[0 … m) by Myers' greedy algorithm ("An O(ND) Difference Algorithm and Its Variations",
// 1986). FrameDamage uses it on the triangles of a window's draw list from one frame to the next:
// the triangles of a growing curve or a longer number are the only ones left unmatched, and only
// the pixels around those need drawing again. Its cost is O((n + m) + D²) in practice, for D
// edits; the search gives up beyond a cap so a list that changed everywhere costs little.
#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

namespace bplab {

struct SequenceDiff {
  std::vector<char> a_kept, b_kept;  // [n], [m]: 1 where the element is matched in the other
  std::size_t edits = 0;             // elements left unmatched in a and in b, together

  // Matches a and b, where same(i, j) says whether a[i] equals b[j]. Matched pairs keep their
  // order (i < i' ⇔ j < j'), and as many elements are matched as any such matching can. False
  // (and the result unset) when that takes more than max_edits unmatched elements.
  template <typename Same>
  bool run(std::size_t n, std::size_t m, Same same, std::size_t max_edits);

 private:
  std::vector<int> v_;      // [2·max_edits + 3]: furthest x reached on each diagonal k = x − y
  std::vector<int> trace_;  // v_[−d … d] after each round d, appended: Σ (2d + 1) ints
};

template <typename Same>
bool SequenceDiff::run(std::size_t n, std::size_t m, Same same, std::size_t max_edits) {
  // A common prefix and suffix are matched directly; Myers runs on what lies between.
  std::size_t p = 0, s = 0;
  while (p < n && p < m && same(p, p)) ++p;
  while (s < n - p && s < m - p && same(n - 1 - s, m - 1 - s)) ++s;
  const int N = int(n - p - s), M = int(m - p - s);
  if (std::size_t(N > M ? N - M : M - N) > max_edits) return false;  // at least |N − M| edits
  const int cap = int(std::min<std::size_t>(max_edits, std::size_t(N + M)));
  const int off = cap + 1;
  v_.assign(std::size_t(2 * cap + 3), 0);
  trace_.clear();
  int d = 0;
  for (bool done = false; !done; ++d) {
    if (d > cap) return false;
    for (int k = -d; k <= d; k += 2) {
      // Reach diagonal k from k + 1 (a step down: b[y] unmatched) or from k − 1 (a step right:
      // a[x] unmatched), whichever got further, then follow equal elements diagonally.
      const bool down = k == -d || (k != d && v_[off + k - 1] < v_[off + k + 1]);
      int x = down ? v_[off + k + 1] : v_[off + k - 1] + 1;
      int y = x - k;
      while (x < N && y < M && same(p + std::size_t(x), p + std::size_t(y))) ++x, ++y;
      v_[off + k] = x;
      if (x >= N && y >= M) done = true;
    }
    trace_.insert(trace_.end(), v_.begin() + off - d, v_.begin() + off + d + 1);
  }
  const int D = d - 1;  // the edit count of the script found

  a_kept.assign(n, 0);
  b_kept.assign(m, 0);
  for (std::size_t i = 0; i < p; ++i) a_kept[i] = b_kept[i] = 1;
  for (std::size_t i = 0; i < s; ++i) a_kept[n - 1 - i] = b_kept[m - 1 - i] = 1;
  // Walks the script back from (N, M): round r's values start at trace_[r²], diagonal k at + r + k.
  const auto reached = [&](int r, int k) { return trace_[std::size_t(r * r + r + k)]; };
  int x = N, y = M;
  for (int r = D; r > 0; --r) {
    const int k = x - y;
    const bool down = k == -r || (k != r && reached(r - 1, k - 1) < reached(r - 1, k + 1));
    const int prev_k = down ? k + 1 : k - 1;
    const int prev_x = reached(r - 1, prev_k), prev_y = prev_x - prev_k;
    const int mid_x = down ? prev_x : prev_x + 1;  // after the one unmatched element
    for (; x > mid_x; --x, --y) a_kept[p + std::size_t(x - 1)] = b_kept[p + std::size_t(y - 1)] = 1;
    x = prev_x;
    y = prev_y;
  }
  for (; x > 0; --x) a_kept[p + std::size_t(x - 1)] = b_kept[p + std::size_t(x - 1)] = 1;
  edits = std::size_t(D);
  return true;
}

}  // namespace bplab
