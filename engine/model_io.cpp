#include "model_io.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "input_limits.h"
#include "json_error.h"

namespace bp {
namespace {

using json = nlohmann::json;

std::string index_path(const std::string& base, std::size_t i) {
  return base + "[" + std::to_string(i) + "]";
}

Status read_size(const json& layer, const std::string& where, int* size) {
  const auto it = layer.find("size");
  if (it == layer.end()) return Status::error(where + ": missing \"size\"");
  if (!it->is_number_integer())
    return Status::error(where + ".size: expected a whole number");
  const double v = it->get<double>();
  if (v < 1 || v > kMaxUnits)
    return Status::error(where + ".size: must be 1 … " + std::to_string(kMaxUnits) + ", got " +
                         it->dump());
  *size = static_cast<int>(v);
  return Status::ok();
}

Status read_layers(const json& root, std::vector<LayerSpec>* specs) {
  const auto it = root.find("layers");
  if (it == root.end() || !it->is_array()) return Status::error("layers: expected an array");
  if (it->size() < 2 || it->size() > std::size_t(kMaxLayers))
    return Status::error("layers: need 2 … " + std::to_string(kMaxLayers) + " layers, got " +
                         std::to_string(it->size()));
  for (std::size_t l = 0; l < it->size(); ++l) {
    const json& layer = (*it)[l];
    const std::string where = index_path("layers", l);
    if (!layer.is_object()) return Status::error(where + ": expected an object");
    LayerSpec spec{0, ActivationId::Linear};
    if (Status s = read_size(layer, where, &spec.size); !s) return s;
    const auto act = layer.find("activation");
    if (l > 0) {
      if (act == layer.end() || !act->is_string())
        return Status::error(where + ".activation: expected a name such as \"sigmoid\"");
      const Activation* a = find_activation(act->get_ref<const std::string&>());
      if (!a)
        return Status::error(where + ".activation: unknown activation \"" +
                             act->get_ref<const std::string&>().substr(0, 32) + "\"");
      spec.activation = a->id;
    }
    specs->push_back(spec);
  }
  return Status::ok();
}

// Reads a vector of `n` finite numbers at `where` into out[0..n).
Status read_numbers(const json& v, std::size_t n, const std::string& where, double* out) {
  if (!v.is_array() || v.size() != n)
    return Status::error(where + ": expected an array of " + std::to_string(n) + " numbers");
  for (std::size_t k = 0; k < n; ++k) {
    if (!v[k].is_number()) return Status::error(index_path(where, k) + ": expected a number");
    out[k] = v[k].get<double>();
    if (!std::isfinite(out[k])) return Status::error(index_path(where, k) + ": not finite");
  }
  return Status::ok();
}

Status read_params(const json& root, Network* net) {
  const auto weights = root.find("weights");
  const auto biases = root.find("biases");
  if (weights == root.end() && biases == root.end()) return Status::ok();
  if (weights == root.end() || biases == root.end())
    return Status::error("\"weights\" and \"biases\" must be given together");
  const std::size_t n = std::size_t(net->num_layers()) - 1;
  if (!weights->is_array() || weights->size() != n)
    return Status::error("weights: expected " + std::to_string(n) + " matrices, one per layer after the input");
  if (!biases->is_array() || biases->size() != n)
    return Status::error("biases: expected " + std::to_string(n) + " vectors, one per layer after the input");
  for (int l = 1; l < net->num_layers(); ++l) {
    const json& W = (*weights)[l - 1];
    const std::string where = index_path("weights", l - 1);
    const std::size_t rows = net->size(l), cols = net->size(l - 1);
    if (!W.is_array() || W.size() != rows)
      return Status::error(where + ": expected " + std::to_string(rows) + " rows (units of layer " +
                           std::to_string(l) + ")");
    for (std::size_t j = 0; j < rows; ++j)
      if (Status s = read_numbers(W[j], cols, index_path(where, j), net->weights(l) + j * cols); !s)
        return s;
    if (Status s = read_numbers((*biases)[l - 1], rows, index_path("biases", l - 1), net->biases(l)); !s)
      return s;
  }
  return Status::ok();
}

}  // namespace

Status model_from_json(std::string_view text, Network* out) {
  if (text.size() > kMaxFileBytes)
    return Status::error("model is larger than " + std::to_string(kMaxFileBytes) + " bytes");
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return Status::error(json_error(text));
  if (!root.is_object()) return Status::error("expected a JSON object at the top level");
  const auto format = root.find("format");
  if (format == root.end() || *format != "bplab-model")
    return Status::error("format: expected \"bplab-model\"");
  const auto version = root.find("version");
  if (version == root.end() || *version != 1)
    return Status::error("version: expected 1");
  std::vector<LayerSpec> specs;
  if (Status s = read_layers(root, &specs); !s) return s;
  Network net;
  if (Status s = Network::create(specs, &net); !s) return s;
  if (Status s = read_params(root, &net); !s) return s;
  *out = std::move(net);
  return Status::ok();
}

std::string model_to_json(const Network& net) {
  json layers = json::array(), weights = json::array(), biases = json::array();
  for (int l = 0; l < net.num_layers(); ++l) {
    json layer = {{"size", net.size(l)}};
    if (l > 0) layer["activation"] = activation(net.activation(l)).name;
    layers.push_back(layer);
    if (l == 0) continue;
    json W = json::array();
    for (int j = 0; j < net.size(l); ++j) {
      json row = json::array();
      for (int i = 0; i < net.size(l - 1); ++i) row.push_back(net.weight(l, j, i));
      W.push_back(row);
    }
    weights.push_back(W);
    biases.push_back(json(std::vector<double>(net.biases(l), net.biases(l) + net.size(l))));
  }
  const json root = {{"format", "bplab-model"}, {"version", 1}, {"layers", layers},
                     {"weights", weights},      {"biases", biases}};
  return root.dump(1) + "\n";
}

Status read_file(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::error(path + ": cannot open file");
  std::string text;
  char buf[1 << 16];
  std::size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (text.size() + got > kMaxFileBytes) {
      std::fclose(f);
      return Status::error(path + ": file is larger than " + std::to_string(kMaxFileBytes) + " bytes");
    }
    text.append(buf, got);
  }
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Status::error(path + ": read error");
  *out = std::move(text);
  return Status::ok();
}

}  // namespace bp
