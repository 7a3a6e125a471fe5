// Model JSON: exact round trip, the documented example, and errors that name the JSON path and
// leave the output untouched.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "model_io.h"
#include "rng.h"
#include "test_util.h"

namespace {

using bp::ActivationId;
using bp::Network;

const std::string kExample =
    R"({"format": "bplab-model", "version": 1,
        "layers": [{"size": 2}, {"size": 2, "activation": "sigmoid"}, {"size": 1, "activation": "tanh"}],
        "weights": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]],
        "biases": [[0.7, 0.8], [0.9]]})";

// Replaces the first occurrence of `from` in kExample (the test fails if it is absent).
std::string example_with(const std::string& from, const std::string& to) {
  std::string s = kExample;
  std::size_t pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

Network sentinel() {
  Network net = bptest::make_net({{3, ActivationId::Linear}, {1, ActivationId::Relu}});
  net.params() = {1, 2, 3, 4};
  return net;
}

TEST(ModelIo, ReadsTheDocumentedExample) {
  Network net;
  bp::Status s = bp::model_from_json(kExample, &net);
  ASSERT_TRUE(s.is_ok()) << s.message();
  ASSERT_EQ(net.num_layers(), 3);
  EXPECT_EQ(net.size(0), 2);
  EXPECT_EQ(net.size(1), 2);
  EXPECT_EQ(net.size(2), 1);
  EXPECT_EQ(net.activation(1), ActivationId::Sigmoid);
  EXPECT_EQ(net.activation(2), ActivationId::Tanh);
  EXPECT_EQ(net.weight(1, 0, 1), 0.2);  // W_l[j][i]
  EXPECT_EQ(net.weight(1, 1, 0), 0.3);
  EXPECT_EQ(net.weight(2, 0, 1), 0.6);
  EXPECT_EQ(net.biases(1)[1], 0.8);
  EXPECT_EQ(net.biases(2)[0], 0.9);
  EXPECT_EQ(net.params(), (std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.7, 0.8, 0.5, 0.6, 0.9}));
}

TEST(ModelIo, WeightsAndBiasesMayBeOmittedTogether) {
  Network net;
  bp::Status s = bp::model_from_json(
      R"({"format":"bplab-model","version":1,"layers":[{"size":3},{"size":4,"activation":"relu"},{"size":2,"activation":"softmax"}]})",
      &net);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_EQ(net.num_params(), 4u * 3 + 4 + 2 * 4 + 2);
  for (double p : net.params()) EXPECT_EQ(p, 0.0);
}

TEST(ModelIo, RoundTripIsExact) {
  Network net = bptest::make_net({{3, ActivationId::Linear}, {5, ActivationId::Tanh},
                                  {4, ActivationId::Relu}, {2, ActivationId::Softmax}});
  bp::Rng rng(31);
  for (double& p : net.params()) p = rng.normal() * 3;
  net.params()[0] = 0.1;
  net.params()[1] = 1e-300;
  net.params()[2] = -123456.78901234567;
  net.params()[3] = 5e-324;  // denormal
  net.params()[4] = 1.7976931348623157e308;
  const std::string text = bp::model_to_json(net);
  EXPECT_NE(text.find("bplab-model"), std::string::npos);
  Network back;
  bp::Status s = bp::model_from_json(text, &back);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_TRUE(bptest::same_layers(net, back));
  EXPECT_EQ(back.params(), net.params());
  EXPECT_EQ(bp::model_to_json(back), text);
}

struct BadCase {
  const char* what;
  std::string text;
  const char* path;  // must appear in the message; "" when there is no JSON path to name
};

TEST(ModelIo, ErrorsNameThePathAndLeaveOutputUntouched) {
  const std::string layers3 = R"("layers": [{"size": 2}, {"size": 2, "activation": "sigmoid"}, {"size": 1, "activation": "tanh"}])";
  const BadCase cases[] = {
      {"empty", "", ""},
      {"malformed", "{\"format\": ", ""},
      {"truncated", kExample.substr(0, kExample.size() / 2), ""},
      {"trailing garbage", kExample + " }", ""},
      {"not an object", "[1, 2]", ""},
      {"wrong format", example_with("bplab-model", "other-model"), "format"},
      {"missing format", example_with(R"("format": "bplab-model",)", ""), "format"},
      {"wrong version", example_with(R"("version": 1)", R"("version": 2)"), "version"},
      {"version as string", example_with(R"("version": 1)", R"("version": "1")"), "version"},
      {"missing layers", example_with(layers3 + ",", ""), "layers"},
      {"layers not an array", example_with(layers3, R"("layers": 3)"), "layers"},
      {"one layer", example_with(layers3, R"("layers": [{"size": 2}])"), "layers"},
      {"unknown activation", example_with("\"tanh\"", "\"swish\""), "layers[2]"},
      {"missing activation", example_with(R"(, "activation": "tanh")", ""), "layers[2]"},
      {"softmax hidden", example_with("\"sigmoid\"", "\"softmax\""), "layers[1]"},
      {"size zero", example_with(R"({"size": 1,)", R"({"size": 0,)"), "layers[2]"},
      {"size negative", example_with(R"({"size": 1,)", R"({"size": -1,)"), "layers[2]"},
      {"size fractional", example_with(R"({"size": 1,)", R"({"size": 1.5,)"), "layers[2]"},
      {"size string", example_with(R"({"size": 2})", R"({"size": "2"})"), "layers[0]"},
      {"size 1e9", example_with(R"({"size": 1,)", R"({"size": 1e9,)"), "layers[2]"},
      {"size 1000000000", example_with(R"({"size": 1,)", R"({"size": 1000000000,)"), "layers[2]"},
      {"size 2^64", example_with(R"({"size": 1,)", R"({"size": 18446744073709551617,)"), "layers[2]"},
      {"size 1e400", example_with(R"({"size": 1,)", R"({"size": 1e400,)"), ""},
      {"NaN literal", example_with("0.6", "NaN"), ""},
      {"weight not a number", example_with("0.6", "\"x\""), "weights[1][0][1]"},
      {"weight null", example_with("0.3", "null"), "weights[0][1][0]"},
      {"weight 1e400", example_with("0.6", "1e400"), ""},
      {"too few weight matrices", example_with(R"(, [[0.5, 0.6]]])", "]"), "weights"},
      {"short weight row", example_with("[0.5, 0.6]", "[0.5]"), "weights[1][0]"},
      {"long weight row", example_with("[0.3, 0.4]", "[0.3, 0.4, 0.45]"), "weights[0][1]"},
      {"too many rows", example_with("[[0.5, 0.6]]", "[[0.5, 0.6], [0.5, 0.6]]"), "weights[1]"},
      {"short bias", example_with("[0.7, 0.8]", "[0.7]"), "biases[0]"},
      {"bias not a number", example_with("0.9", "true"), "biases[1][0]"},
      {"weights without biases", example_with(",\n        \"biases\": [[0.7, 0.8], [0.9]]", ""), "biases"},
  };
  std::string many = R"({"format":"bplab-model","version":1,"layers":[{"size":1})";
  for (int l = 1; l < 17; ++l) many += R"(,{"size":1,"activation":"linear"})";
  many += "]}";
  std::vector<BadCase> all(std::begin(cases), std::end(cases));
  all.push_back({"17 layers", many, "layers"});
  for (const BadCase& c : all) {
    SCOPED_TRACE(c.what);
    Network out = sentinel();
    bp::Status s = bp::model_from_json(c.text, &out);
    EXPECT_FALSE(s.is_ok());
    EXPECT_FALSE(s.message().empty());
    EXPECT_TRUE(bptest::same_layers(out, sentinel()));
    EXPECT_EQ(out.params(), sentinel().params());
    if (*c.path) {
      EXPECT_NE(s.message().find(c.path), std::string::npos) << s.message();
    }
  }
}

TEST(ModelIo, ReadFile) {
  const std::string path = ::testing::TempDir() + "bplab_model_io_test.json";
  const std::string content = kExample + std::string("\n\0tail", 6);
  {
    std::ofstream f(path, std::ios::binary);
    f << content;
  }
  std::string got = "old";
  bp::Status s = bp::read_file(path, &got);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_EQ(got, content);
  std::remove(path.c_str());

  const std::string missing = ::testing::TempDir() + "bplab_no_such_file.json";
  std::string keep = "keep";
  s = bp::read_file(missing, &keep);
  EXPECT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("bplab_no_such_file.json"), std::string::npos) << s.message();
}

}  // namespace

namespace {

// Found by the model fuzzer: nlohmann's message quotes the input after "last read:", so a file
// ending inside a long string or whitespace run gave a message as long as the file.
TEST(ModelIoRegression, ParseErrorMessagesStayShort) {
  const std::string long_string = "{\"format\": \"" + std::string(3000, 'a');
  const std::string long_space = "{\"formaat\":" + std::string(5000, '\t');
  for (const std::string& text : {long_string, long_space}) {
    bp::Network net;
    const bp::Status s = bp::model_from_json(text, &net);
    ASSERT_FALSE(s);
    EXPECT_LE(s.message().size(), 200u) << s.message();
    EXPECT_NE(s.message().find("line 1"), std::string::npos) << s.message();
  }
}

}  // namespace
