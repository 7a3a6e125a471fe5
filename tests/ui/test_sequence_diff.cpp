// SequenceDiff against an independent reference: the longest common subsequence by dynamic
// programming. A shortest edit script leaves exactly n + m − 2·LCS elements unmatched.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "sequence_diff.h"

namespace {

std::size_t lcs_length(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
  return t[a.size()][b.size()];
}

bool diff(bplab::SequenceDiff* d, const std::string& a, const std::string& b, std::size_t max_edits) {
  return d->run(a.size(), b.size(), [&](std::size_t i, std::size_t j) { return a[i] == b[j]; }, max_edits);
}

// The kept elements of each side, in order; they must pair up as equal elements.
std::string kept(const std::string& s, const std::vector<char>& flags) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (flags[i]) out += s[i];
  return out;
}

TEST(SequenceDiff, MatchesAsManyAsTheLongestCommonSubsequenceInOrder) {
  std::mt19937 rng(7);
  bplab::SequenceDiff d;
  for (int trial = 0; trial < 500; ++trial) {
    std::string a, b;
    const int n = int(rng() % 40), m = int(rng() % 40);
    const char letters = char('a' + 1 + rng() % 4);  // small alphabets: many candidate matchings
    for (int i = 0; i < n; ++i) a += char('a' + rng() % std::uint32_t(letters - 'a'));
    for (int i = 0; i < m; ++i) b += char('a' + rng() % std::uint32_t(letters - 'a'));
    ASSERT_TRUE(diff(&d, a, b, 100)) << a << " / " << b;
    const std::size_t lcs = lcs_length(a, b);
    EXPECT_EQ(kept(a, d.a_kept), kept(b, d.b_kept)) << a << " / " << b;
    EXPECT_EQ(kept(a, d.a_kept).size(), lcs) << a << " / " << b;
    EXPECT_EQ(d.edits, a.size() + b.size() - 2 * lcs) << a << " / " << b;
  }
}

TEST(SequenceDiff, LeavesOnlyTheChangedPartsOfALongSequenceUnmatched) {
  // A curve that grew at its end while a number near the start got one digit longer.
  std::string a(3000, 'x'), b;
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = char('a' + (i * 7919) % 26);
  b = a.substr(0, 100) + "#" + a.substr(100) + "tail";
  bplab::SequenceDiff d;
  ASSERT_TRUE(diff(&d, a, b, 64));
  EXPECT_EQ(d.edits, 5u);
  for (char k : d.a_kept) EXPECT_EQ(k, 1);
  EXPECT_EQ(d.b_kept[100], 0);
  for (std::size_t j = b.size() - 4; j < b.size(); ++j) EXPECT_EQ(d.b_kept[j], 0);
}

TEST(SequenceDiff, GivesUpBeyondTheCap) {
  bplab::SequenceDiff d;
  EXPECT_FALSE(diff(&d, "abcdefgh", "stuvwxyz", 15));  // 16 edits needed
  EXPECT_TRUE(diff(&d, "abcdefgh", "stuvwxyz", 16));
  EXPECT_EQ(d.edits, 16u);
  EXPECT_FALSE(diff(&d, "", "abc", 2));  // at least |n − m| edits
}

TEST(SequenceDiff, HandlesEmptyAndEqualSequences) {
  bplab::SequenceDiff d;
  ASSERT_TRUE(diff(&d, "", "", 0));
  EXPECT_EQ(d.edits, 0u);
  ASSERT_TRUE(diff(&d, "same", "same", 0));
  EXPECT_EQ(d.edits, 0u);
  EXPECT_EQ(kept("same", d.b_kept), "same");
  ASSERT_TRUE(diff(&d, "abc", "", 3));
  EXPECT_EQ(kept("abc", d.a_kept), "");
}

}  // namespace
