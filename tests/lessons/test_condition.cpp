// The lesson condition language: parsing, precedence, types, evaluation and error positions.
#include <gtest/gtest.h>

#include <cmath>

#include "condition.h"
#include "lesson_state.h"
#include "state_map.h"

namespace {

using lessons::Condition;
using lessons::StateMap;
using lessons::Value;

StateMap state() {
  return {{"loss_train", 0.04},       {"learning_rate", 3.0},  {"diverged", true},
          {"epoch", 50.0},            {"inspector.weight", std::string("w5")},
          {"answer", 0.35891},        {"inspector.next_weight", 0.358916},
          {"sample.outputs.1", 0.77}, {"running", false}};
}

Value eval(const std::string& text) {
  Condition c;
  const bp::Status p = Condition::parse(text, &c);
  EXPECT_TRUE(p) << text << ": " << p.message();
  Value v;
  const bp::Status e = c.evaluate(state(), &v);
  EXPECT_TRUE(e) << text << ": " << e.message();
  return v;
}

bool holds(const std::string& text) { return std::get<bool>(eval(text)); }

std::string parse_error(const std::string& text) {
  Condition c;
  const bp::Status s = Condition::parse(text, &c);
  EXPECT_FALSE(s) << text;
  return s.message();
}

std::string eval_error(const std::string& text) {
  Condition c;
  EXPECT_TRUE(Condition::parse(text, &c)) << text;
  Value v;
  const bp::Status s = c.evaluate(state(), &v);
  EXPECT_FALSE(s) << text;
  return s.message();
}

TEST(Condition, TheIssueExamples) {
  EXPECT_TRUE(holds("loss_train < 0.05"));
  EXPECT_TRUE(holds("learning_rate >= 3 && diverged"));
  EXPECT_TRUE(holds("epoch >= 50"));
  EXPECT_TRUE(holds("inspector.weight == \"w5\""));
  EXPECT_TRUE(holds("abs(answer - inspector.next_weight) < 1e-4"));
  EXPECT_FALSE(holds("abs(answer - inspector.next_weight) < 1e-6"));
}

TEST(Condition, Arithmetic) {
  EXPECT_DOUBLE_EQ(std::get<double>(eval("1 + 2 * 3")), 7);
  EXPECT_DOUBLE_EQ(std::get<double>(eval("(1 + 2) * 3")), 9);
  EXPECT_DOUBLE_EQ(std::get<double>(eval("10 - 4 - 3")), 3) << "left-associative";
  EXPECT_DOUBLE_EQ(std::get<double>(eval("8 / 4 / 2")), 1);
  EXPECT_DOUBLE_EQ(std::get<double>(eval("-2 * -3")), 6);
  EXPECT_DOUBLE_EQ(std::get<double>(eval("abs(-2.5) + sqrt(16) + min(1, 2) + max(1, 2)")), 9.5);
  EXPECT_DOUBLE_EQ(std::get<double>(eval(".5e1")), 5);
  EXPECT_DOUBLE_EQ(std::get<double>(eval("sample.outputs.1")), 0.77);
  EXPECT_TRUE(std::isinf(std::get<double>(eval("1 / 0"))));
}

TEST(Condition, LogicAndPrecedence) {
  EXPECT_TRUE(holds("true || false && false")) << "&& binds tighter than ||";
  EXPECT_FALSE(holds("(true || false) && false"));
  EXPECT_TRUE(holds("!running && diverged"));
  EXPECT_TRUE(holds("!(epoch < 10)"));
  EXPECT_TRUE(holds("1 + 1 == 2 && 3 > 2 == true"));
  EXPECT_TRUE(holds("inspector.weight != 'w1'"));
  EXPECT_TRUE(holds("epoch <= 50 && epoch >= 50 && epoch > 49"));
}

TEST(Condition, ShortCircuitSkipsTheRightSide) {
  EXPECT_FALSE(holds("false && no_such_key"));
  EXPECT_TRUE(holds("true || no_such_key"));
}

TEST(Condition, ParseErrorsNameThePosition) {
  EXPECT_EQ(parse_error("loss_train < "), "position 14: expected a number, name, text or '(' after '<', found the end");
  EXPECT_EQ(parse_error("epoch = 5"), "position 7: unexpected '=' (compare with '==')");
  EXPECT_EQ(parse_error("a & b"), "position 3: unexpected '&' (use '&&')");
  EXPECT_EQ(parse_error("(epoch > 1"), "position 11: expected ')' to close the '(' at position 1");
  EXPECT_EQ(parse_error("epoch 5"), "position 7: unexpected \"5\" after a complete expression");
  EXPECT_EQ(parse_error("log(2)"), "position 1: unknown function \"log\" (abs, sqrt, min, max)");
  EXPECT_EQ(parse_error("min(1)"), "position 1: min() takes 2 arguments, got 1");
  EXPECT_EQ(parse_error("x == \"w5"), "position 6: text has no closing \"");
  EXPECT_EQ(parse_error("3x > 1"), "position 1: malformed number \"3x\"");
  EXPECT_EQ(parse_error(""), "position 1: the condition is empty");
  EXPECT_EQ(parse_error("epoch # 2"), "position 7: unexpected '#'");
}

TEST(Condition, TypeAndKeyErrorsAtEvaluation) {
  EXPECT_EQ(eval_error("loss_trian < 1"), "position 1: unknown state key \"loss_trian\"");
  EXPECT_EQ(eval_error("diverged < 1"), "position 10: '<' needs numbers, got true/false");
  EXPECT_EQ(eval_error("inspector.weight == 5"), "position 18: '==' compares text with number");
  EXPECT_EQ(eval_error("epoch && true"), "position 7: '&&' needs true/false, got number");
  EXPECT_EQ(eval_error("!epoch"), "position 1: '!' needs true/false, got number");
  Condition c;
  ASSERT_TRUE(Condition::parse("epoch + 1", &c));
  bool b;
  EXPECT_EQ(c.holds(state(), &b).message(), "the condition gives number, not true/false");
}

TEST(Condition, CheckAgainstTheLabSchema) {
  const StateMap& schema = lessons::state_schema();
  auto check = [&](const std::string& text) {
    Condition c;
    EXPECT_TRUE(Condition::parse(text, &c)) << text;
    return c.check(schema, true);
  };
  EXPECT_TRUE(check("loss_train < 0.05 && !diverged"));
  EXPECT_TRUE(check("abs(answer - inspector.next_weight) < 1e-4"));
  EXPECT_TRUE(check("sample.outputs.1 > 0.5 && update_size.4 < update_size.0")) << "any index";
  EXPECT_TRUE(check("hidden.count == 0 && inspector.weight == \"w5\""));
  EXPECT_EQ(check("loss_trian < 1").message(), "position 1: unknown state key \"loss_trian\"");
  EXPECT_EQ(check("false && dataset < 1").message(), "position 18: '<' needs numbers, got text")
      << "both sides are checked";
  EXPECT_EQ(check("epoch * 2").message(), "the condition gives number, not true/false");
}

TEST(Condition, NamesListsTheKeysRead) {
  Condition c;
  ASSERT_TRUE(Condition::parse("abs(answer - inspector.next_weight) < 1e-4 && !diverged", &c));
  EXPECT_EQ(c.names(), (std::set<std::string>{"answer", "diverged", "inspector.next_weight"}));
}

// Found by fuzz_lesson: a lesson file could nest or chain an expression deep enough to overflow
// the stack (the parser, check, evaluation and the tree's destructor all recurse), and error
// messages quoted names and text of any length.
TEST(Condition, DeepOrLongExpressionsAreRejectedNotRecursedInto) {
  std::string chain = "1";
  for (int k = 0; k < 20000; ++k) chain += "+1";
  EXPECT_NE(parse_error(chain + " > 0").find("too long (at most 200 tokens)"), std::string::npos);
  EXPECT_NE(parse_error(std::string(20000, '(') + "1" + std::string(20000, ')')).find("too long"),
            std::string::npos);
  EXPECT_NE(parse_error(std::string(30000, '!') + "true").find("too long"), std::string::npos);
  // Just under the limit still parses, checks and evaluates.
  std::string ok = "loss_train";
  for (int k = 0; k < 98; ++k) ok += "+1";  // 1 + 2·98 = 197 tokens, then '>' and '0'
  EXPECT_TRUE(holds(ok + " > 0"));
}

TEST(Condition, MessagesQuoteAtMostFortyBytes) {
  const std::string name(3000, 'a');
  const std::string unexpected = parse_error("1 " + name);
  EXPECT_LT(unexpected.size(), 200u) << unexpected;
  EXPECT_NE(unexpected.find("\"" + std::string(40, 'a') + "…\""), std::string::npos) << unexpected;
  EXPECT_LT(parse_error(name + "(1)").size(), 200u);
  EXPECT_LT(parse_error("1 + \"" + name + "\" +").size(), 200u);
  Condition c;
  ASSERT_TRUE(Condition::parse(name + " > 0", &c));
  const bp::Status s = c.check(lessons::state_schema(), true);
  ASSERT_FALSE(s);
  EXPECT_LT(s.message().size(), 200u) << s.message();
  // Cut at a character boundary: 39 ASCII bytes, then a 2-byte character across the 40th byte.
  const std::string greek = std::string(39, 'a') + "ηηη";
  const std::string m = parse_error("1 \"" + greek + "\"");
  EXPECT_NE(m.find("\"" + std::string(39, 'a') + "…\""), std::string::npos) << m;
}

TEST(StateMap, FlattensNestedObjectsAndArrays) {
  lab::LabState state;
  state.epoch = 3;
  state.dataset = "xor";
  state.running = true;
  state.hidden = {4, 2};
  state.sample.present = true;
  state.sample.outputs = {0.25, 0.5};
  state.sample.targets = {0, 1};
  state.sample.errors = {0.25, -0.5};
  StateMap m;
  lessons::add_state(state, &m);
  EXPECT_EQ(m.at("epoch"), Value(3.0));
  EXPECT_EQ(m.at("dataset"), Value(std::string("xor")));
  EXPECT_EQ(m.at("running"), Value(true));
  EXPECT_EQ(m.at("hidden.1"), Value(2.0));
  EXPECT_EQ(m.at("hidden.count"), Value(2.0));
  EXPECT_EQ(m.at("sample.outputs.1"), Value(0.5));
  EXPECT_EQ(m.at("sample.error"), Value(0.25));
  EXPECT_EQ(m.count("inspector.next_weight"), 0u) << "left out unless asked for";
  state.sample.present = false;
  StateMap none;
  lessons::add_state(state, &none);
  EXPECT_EQ(none.count("sample.output"), 0u) << "no sample, no sample values";
  EXPECT_EQ(none.count("sample.index"), 1u);
  EXPECT_EQ(lessons::schema_key("sample.outputs.12"), "sample.outputs.#");
  EXPECT_EQ(lessons::schema_key("w5.x1"), "w5.x1");
  EXPECT_EQ(lessons::format_value(Value(0.298371109)), "0.298371");
  EXPECT_EQ(lessons::format_value(Value(false)), "false");
}

}  // namespace
