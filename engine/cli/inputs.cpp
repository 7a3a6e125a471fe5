#include "inputs.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.h"
#include "csv.h"
#include "model_io.h"
#include "pass.h"

namespace bp::cli {

FlagSpec loss_flag() {
  return text_flag("loss", "L", nullptr,
                   "Loss: half-sse, mse, bce (needs a sigmoid output layer) or ce (needs a "
                   "softmax output layer).");
}

FlagSpec data_flag() {
  return text_flag("data", "D.csv", nullptr,
                   "Data file: a header row, then rows of inputs followed by targets, or of "
                   "inputs followed by a column headed class (0, 1, ...: the target 0/1 of one "
                   "output, one-hot targets for several).");
}

const Loss* find_loss_flag(const std::string& name, std::string* error) {
  const Loss* loss = find_loss(name);
  if (loss == nullptr) {
    std::string names;
    for (const Loss& l : losses()) names += (names.empty() ? "" : ", ") + std::string(l.name);
    *error = "unknown --loss \"" + name.substr(0, 40) + "\" (choose " + names + ")";
  }
  return loss;
}

Status load_model(const std::string& path, const Loss& loss, Network* net, bool* has_weights) {
  std::string text;
  Status s = read_file(path, &text);
  if (!s) return s;
  Network loaded;
  s = model_from_json(text, &loaded);
  if (!s) return Status::error(path + ": " + s.message());
  if (!loaded.is_finite()) return Status::error(path + ": the parameters are not all finite");
  s = check_loss(loaded, loss);
  if (!s) return Status::error(path + ": " + s.message());
  // model_from_json accepted the text, so it is valid JSON; parse it again only to see whether
  // the weights were given or zero-filled (no exceptions: allow_exceptions = false).
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  *has_weights = doc.is_object() && doc.contains("weights");
  *net = std::move(loaded);
  return Status::ok();
}

namespace {

// A class column (csv.h): the model's outputs decide the targets. One output: the class, 0 or 1,
// is the target. K ≥ 2 outputs (softmax): K one-hot targets, t_k = [k = class], whatever the
// largest class in the file, so a file that lacks a class still fits the model.
Status parse_classes(std::string_view text, const Network& net, Dataset* out) {
  const int outputs = net.output_size();
  Dataset rows;
  if (Status s = parse_class_csv(text, net.input_size(), std::max(2, outputs), &rows); !s) return s;
  if (outputs == 1) {
    *out = std::move(rows);
    return Status::ok();
  }
  Dataset data;
  data.n_inputs = rows.n_inputs;
  data.n_targets = outputs;
  std::vector<double> one_hot(outputs);
  for (int k = 0; k < rows.size(); ++k) {
    const double* t = rows.target(k);
    // parse_class_csv wrote the class itself (two classes) or its one-hot row (three or more).
    const int cls = rows.n_targets == 1 ? int(t[0]) : int(std::max_element(t, t + rows.n_targets) - t);
    std::fill(one_hot.begin(), one_hot.end(), 0.0);
    one_hot[cls] = 1.0;
    data.add(rows.input(k), one_hot.data());
  }
  *out = std::move(data);
  return Status::ok();
}

}  // namespace

Status load_data(const std::string& path, const Network& net, Dataset* data) {
  std::string text;
  Status s = read_file(path, &text);
  if (!s) return s;
  s = has_class_column(text, net.input_size()) ? parse_classes(text, net, data)
                                               : parse_csv(text, net.input_size(), net.output_size(), data);
  if (!s) return Status::error(path + ": " + s.message());
  return Status::ok();
}

int load_inputs(const Flags& flags, Inputs* in, std::string* error) {
  in->loss = find_loss_flag(flags.text("loss"), error);
  if (in->loss == nullptr) return kExitUsage;
  Status s = load_model(flags.text("model"), *in->loss, &in->net, &in->has_weights);
  if (s) s = load_data(flags.text("data"), in->net, &in->data);
  if (s) return 0;
  *error = s.message();
  return kExitBadInput;
}

}  // namespace bp::cli
