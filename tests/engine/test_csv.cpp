// CSV data files: a good file, and every documented error naming its line (and column) while
// leaving the output untouched.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "csv.h"
#include "test_util.h"

namespace {

bp::Dataset sentinel() {
  bp::Dataset d;
  d.n_inputs = 1;
  d.n_targets = 1;
  const double x = 42, t = 43;
  d.add(&x, &t);
  return d;
}

TEST(Csv, GoodFileParses) {
  bp::Dataset d;
  bp::Status s = bp::parse_csv("x1,x2,t\n0.5,-1,1\n\n2e-3,3,0\n4.25,-0.0,0.5\n\n", 2, 1, &d);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_EQ(d.n_inputs, 2);
  EXPECT_EQ(d.n_targets, 1);
  ASSERT_EQ(d.size(), 3);
  EXPECT_EQ(d.x, (std::vector<double>{0.5, -1, 0.002, 3, 4.25, -0.0}));
  EXPECT_EQ(d.t, (std::vector<double>{1, 0, 0.5}));
}

TEST(Csv, LastLineWithoutNewlineAndTwoTargets) {
  bp::Dataset d;
  ASSERT_TRUE(bp::parse_csv("a,b,c\n1,2,3\n4,5,6", 1, 2, &d).is_ok());
  ASSERT_EQ(d.size(), 2);
  EXPECT_EQ(d.x, (std::vector<double>{1, 4}));
  EXPECT_EQ(d.t, (std::vector<double>{2, 3, 5, 6}));
}

struct BadCase {
  const char* what;
  std::string text;
  int line;    // 0: no line to name
  int column;  // 0: no column to name
};

TEST(Csv, ErrorsNameLineAndColumnAndLeaveOutputUntouched) {
  const BadCase cases[] = {
      {"short row", "a,b,t\n1,2,0\n1,2\n", 3, 0},
      {"long row", "a,b,t\n1,2,3,4\n", 2, 0},
      {"non-numeric", "a,b,t\n1,2,0\n1,abc,0\n", 3, 2},
      {"trailing junk", "a,b,t\n1,2x,0\n", 2, 2},
      {"empty field", "a,b,t\n1,,0\n", 2, 2},
      {"nan", "a,b,t\n1,2,nan\n", 2, 3},
      {"NaN", "a,b,t\n1,2,NaN\n", 2, 3},
      {"inf", "a,b,t\ninf,2,0\n", 2, 1},
      {"-infinity", "a,b,t\n1,-infinity,0\n", 2, 2},
      {"overflow", "a,b,t\n1e999,2,0\n", 2, 1},
      {"blank lines still count", "a,b,t\n\n\n1,2,zz\n", 4, 3},
      {"empty file", "", 0, 0},
      {"blank file", "\n\n", 0, 0},
      {"header only", "a,b,t\n", 0, 0},
  };
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.what);
    bp::Dataset out = sentinel();
    bp::Status s = bp::parse_csv(c.text, 2, 1, &out);
    EXPECT_FALSE(s.is_ok());
    EXPECT_FALSE(s.message().empty());
    EXPECT_TRUE(bptest::same_dataset(out, sentinel()));
    if (c.line) {
      EXPECT_TRUE(bptest::contains(s.message(), "line")) << s.message();
      EXPECT_TRUE(bptest::mentions_number(s.message(), c.line)) << s.message();
    }
    if (c.column) {
      EXPECT_TRUE(bptest::contains(s.message(), "column")) << s.message();
      EXPECT_TRUE(bptest::mentions_number(s.message(), c.column)) << s.message();
    }
  }
}

TEST(Csv, RoundTripThroughToCsv) {
  bp::Dataset d;
  d.n_inputs = 2;
  d.n_targets = 2;
  const std::vector<std::vector<double>> rows = {
      {0.5, -1.25, 3, 0}, {1.0 / 3, 1e-7, -2.5e6, 0.1}, {-0.0, 7, 1, 0.999999999999}};
  for (const auto& r : rows) d.add(r.data(), r.data() + 2);
  const std::string text = bp::to_csv(d);
  bp::Dataset back;
  bp::Status s = bp::parse_csv(text, 2, 2, &back);
  ASSERT_TRUE(s.is_ok()) << s.message() << "\n" << text;
  ASSERT_EQ(back.size(), 3);
  for (std::size_t k = 0; k < d.x.size(); ++k)
    EXPECT_NEAR(back.x[k], d.x[k], 1e-12 * std::max(1.0, std::fabs(d.x[k]))) << text;
  for (std::size_t k = 0; k < d.t.size(); ++k)
    EXPECT_NEAR(back.t[k], d.t[k], 1e-12 * std::max(1.0, std::fabs(d.t[k]))) << text;
}

TEST(Csv, ClassColumnGivesOneHotTargets) {
  const char* text = "x1,x2,class\n0.1,0.2,0\n0.3,0.4,2\n\n-0.5,0.6,1\n";
  EXPECT_TRUE(bp::has_class_column(text, 2));
  EXPECT_FALSE(bp::has_class_column("x1,x2,t\n1,2,0\n", 2));
  EXPECT_FALSE(bp::has_class_column("x1,x2,class,t\n1,2,0,1\n", 2));
  bp::Dataset d;
  ASSERT_TRUE(bp::parse_class_csv(text, 2, 8, &d));
  ASSERT_EQ(d.n_targets, 3);
  ASSERT_EQ(d.size(), 3);
  const double want[3][3] = {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}};
  for (int s = 0; s < 3; ++s)
    for (int k = 0; k < 3; ++k) EXPECT_EQ(d.target(s)[k], want[s][k]) << s << "," << k;
  EXPECT_EQ(d.input(2)[0], -0.5);
  // Two classes keep the one-target convention.
  ASSERT_TRUE(bp::parse_class_csv("x1,x2,class\n1,2,1\n3,4,0\n", 2, 8, &d));
  EXPECT_EQ(d.n_targets, 1);
  EXPECT_EQ(d.t, (std::vector<double>{1, 0}));
}

TEST(Csv, BadClassesNameLineAndColumn) {
  const BadCase cases[] = {
      {"negative", "x1,x2,class\n1,2,0\n1,2,-1\n", 3, 3},
      {"not whole", "x1,x2,class\n1,2,0.5\n", 2, 3},
      {"too many classes", "x1,x2,class\n\n1,2,0\n1,2,8\n", 4, 3},
      {"not a number", "x1,x2,class\n1,2,b\n", 2, 3},
  };
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.what);
    bp::Dataset out = sentinel();
    const bp::Status s = bp::parse_class_csv(c.text, 2, 8, &out);
    ASSERT_FALSE(s.is_ok());
    EXPECT_TRUE(bptest::same_dataset(out, sentinel()));
    EXPECT_TRUE(bptest::contains(s.message(), "line")) << s.message();
    EXPECT_TRUE(bptest::mentions_number(s.message(), c.line)) << s.message();
    EXPECT_TRUE(bptest::contains(s.message(), "column")) << s.message();
    EXPECT_TRUE(bptest::mentions_number(s.message(), c.column)) << s.message();
  }
}

}  // namespace
