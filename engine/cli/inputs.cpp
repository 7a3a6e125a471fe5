#include "inputs.h"

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

Status load_data(const std::string& path, const Network& net, Dataset* data) {
  std::string text;
  Status s = read_file(path, &text);
  if (!s) return s;
  s = parse_csv(text, net.input_size(), net.output_size(), data);
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
