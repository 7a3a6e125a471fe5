// bplab grad: the global error of a data file taken as one batch, and its gradient.
//   E = (1/N) Σ_s E_s,   weights_grad[l][j][i] = ∂E/∂w_ji of layer l+1,   biases_grad[l][j] = ∂E/∂b_j
//   by_name: the same numbers keyed by parameter name (param_names.h: "w5", "b1.2"), in the order
//   of the parameters (W1, b1, W2, b2, …)
#include <cmath>
#include <cstdio>
#include <numeric>

#include "command.h"
#include "gradient.h"
#include "inputs.h"
#include "json_text.h"
#include "param_names.h"

namespace bp::cli {
namespace {

using nlohmann::ordered_json;

int run(const Flags& flags, std::string* error) {
  Inputs in;
  if (const int code = load_inputs(flags, &in, error)) return code;
  const Loss* loss = in.loss;
  const Network& net = in.net;
  const Dataset& data = in.data;

  std::vector<int> all(data.size());
  std::iota(all.begin(), all.end(), 0);
  Trace trace;
  trace.resize(net);
  std::vector<double> grad(net.num_params());
  const double e = batch_gradient(net, *loss, data, all.data(), data.size(), &trace, grad.data());
  bool finite = std::isfinite(e);
  for (double g : grad) finite = finite && std::isfinite(g);
  if (!finite) {
    *error = flags.text("model") + ": the loss or its gradient overflows (not finite)";
    return kExitBadInput;
  }

  ordered_json weights = ordered_json::array(), biases = ordered_json::array();
  for (int l = 1; l < net.num_layers(); ++l) {
    ordered_json rows = ordered_json::array(), b = ordered_json::array();
    for (int j = 0; j < net.size(l); ++j) {
      ordered_json row = ordered_json::array();
      for (int i = 0; i < net.size(l - 1); ++i) row.push_back(grad[net.param_index(l, j, i)]);
      rows.push_back(row);
      b.push_back(grad[net.bias_index(l, j)]);
    }
    weights.push_back(rows);
    biases.push_back(b);
  }
  ordered_json by_name = ordered_json::object();
  for (std::size_t k = 0; k < grad.size(); ++k) by_name[param_name(net, k)] = grad[k];
  const ordered_json out = {{"loss", e},
                            {"weights_grad", weights},
                            {"biases_grad", biases},
                            {"by_name", by_name}};
  std::printf("%s\n", json_text(out).c_str());
  return kExitOk;
}

}  // namespace

const Command& grad_command() {
  static const Command command{
      "grad",
      "Loss and gradient of a data file taken as one batch, as JSON.",
      "--model M.json --data D.csv --loss L",
      "Output (one line of JSON, numbers with 17 significant digits):\n"
      "  {\"loss\": E, \"weights_grad\": [...], \"biases_grad\": [...], \"by_name\": {...}}\n"
      "E is the mean local error over all rows of the data file. weights_grad[l][j][i] is\n"
      "dE/dw from unit i of one layer to unit j of the next and biases_grad[l][j] is dE/db_j,\n"
      "shaped like \"weights\" and \"biases\" in the model file. by_name has the same numbers\n"
      "keyed by parameter name: weights w1, w2, ... numbered across layers (row by row, as in\n"
      "the lab and the lessons), biases b<layer>.<unit> (b1.1 is unit 1 of the first layer).",
      {
          text_flag("model", "M.json", nullptr,
                    "Model file (format \"bplab-model\"). Without \"weights\" the parameters are 0."),
          data_flag(),
          loss_flag(),
      },
      run,
  };
  return command;
}

}  // namespace bp::cli
