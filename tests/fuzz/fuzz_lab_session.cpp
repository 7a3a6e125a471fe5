// Fuzzes a whole lab::Lab session: the input is a script of actions, one per line, the first
// character naming the action and the rest its argument, e.g.
//   h ds=xor&h=3&lr=5        apply the settings of a link (ignored when the link is rejected)
//   s 40                     40 training iterations
//   c \x01x1,x2,t|0.1,0.2,1  import CSV with 1 target column ('|' stands for a line break)
//   m {"format":…}           import a model
// This reaches what no parser harness does: every setting combination a link can give, followed by
// training, divergence, rollback, imports and the inspector, in any order.
// Invariants after every action:
//   - the settings validate and the network has the architecture they describe;
//   - unless the lab reports divergence, parameters, losses, gradient and velocity are finite;
//   - rejected imports and links change nothing (settings and parameters);
//   - model_to_json → import_model gives back bit-identical parameters;
//   - the state's snapshot is valid JSON.
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "lab.h"
#include "lab_state.h"
#include "url_hash.h"
#include "model_io.h"

namespace {

bool all_finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

// A small bounded integer from the argument's bytes (the fuzzer mutates bytes, not decimal text).
int small(std::string_view arg, std::size_t k, int modulo) {
  return k < arg.size() ? static_cast<unsigned char>(arg[k]) % modulo : 0;
}

void check_invariants(const lab::Lab& l) {
  const lab::Settings& s = l.settings();
  const bp::Status valid = lab::validate(s);
  FUZZ_CHECK(valid.is_ok(), "lab settings invalid: %s", valid.message().c_str());
  const std::vector<bp::LayerSpec> specs = lab::layer_specs(s);
  const bp::Network& net = l.network();
  FUZZ_CHECK(net.num_layers() == int(specs.size()), "%d layers, settings say %zu", net.num_layers(),
             specs.size());
  for (int k = 0; k < net.num_layers(); ++k)
    FUZZ_CHECK(net.size(k) == specs[k].size && (k == 0 || net.activation(k) == specs[k].activation),
               "layer %d differs from the settings", k);
  FUZZ_CHECK(l.train_set().n_inputs == net.input_size(), "data has %d features, network %d inputs",
             l.train_set().n_inputs, net.input_size());
  if (!l.diverged()) {
    FUZZ_CHECK(net.is_finite(), "non-finite parameter, no divergence reported");
    FUZZ_CHECK(std::isfinite(l.loss_train()), "training loss %g, no divergence reported",
               l.loss_train());
    FUZZ_CHECK(std::isfinite(l.loss_test()), "test loss %g, no divergence reported", l.loss_test());
    FUZZ_CHECK(all_finite(l.trainer().gradient()), "non-finite gradient, no divergence reported");
    FUZZ_CHECK(all_finite(l.trainer().velocity()), "non-finite velocity, no divergence reported");
  } else {
    FUZZ_CHECK(!l.divergence_message().empty() && !l.running(), "divergence without message/stop");
  }
  FUZZ_CHECK(nlohmann::json::accept(nlohmann::json(lab::snapshot(l, {true, true})).dump()),
             "the state is not JSON");
}

// A rejected action must leave settings and parameters as they were.
struct Unchanged {
  explicit Unchanged(const lab::Lab& l) : lab(l), settings(l.settings()), params(l.network().params()) {}
  void check(const bp::Status& s, const char* what) const {
    FUZZ_CHECK(!s.message().empty() && s.message().size() <= fuzz::kMaxMessageBytes,
               "%s: message of %zu bytes", what, s.message().size());
    FUZZ_CHECK(lab.settings() == settings, "%s rejected but settings changed: %s", what,
               s.message().c_str());
    FUZZ_CHECK(lab.network().params().size() == params.size() &&
                   fuzz::same_bits(lab.network().params().data(), params.data(), params.size()),
               "%s rejected but parameters changed: %s", what, s.message().c_str());
  }
  const lab::Lab& lab;
  lab::Settings settings;
  std::vector<double> params;
};

void run(lab::Lab* l, char op, std::string_view arg) {
  switch (op) {
    case 'h': {  // apply a link
      lab::Settings s;
      if (!lab::decode_hash(arg, &s)) return;
      const bp::Status st = l->apply(s);
      FUZZ_CHECK(st.is_ok(), "decoded link not applicable: %s", st.message().c_str());
      // The data decides the number of outputs: its target columns for custom data, else 1.
      const int outputs = s.dataset == "custom" ? l->raw_train().n_targets : 1;
      FUZZ_CHECK(l->settings().outputs == outputs, "%d outputs for %d targets",
                 l->settings().outputs, outputs);
      s.outputs = outputs;
      FUZZ_CHECK(l->settings() == s, "applied settings differ");
      return;
    }
    case 'l': {  // learning rate (divergent ones included) through set_hyperparams
      bp::Hyperparams h = l->settings().hyper;
      if (!bp::parse_number(arg, &h.learning_rate)) return;
      const Unchanged before(*l);
      if (const bp::Status st = l->set_hyperparams(h); !st) before.check(st, "set_hyperparams");
      return;
    }
    case 's':  // a few iterations, one frame per call as the UI does at speed 1
      for (int k = 0, n = small(arg, 0, 16); k < n; ++k) l->step();
      return;
    case 'f':  // one frame at the settings' speed (0 = a 0.2 ms budget)
      l->train_frame(0.2);
      return;
    case 'e':
      l->step_epoch();
      return;
    case 'r':
      l->rollback();
      return;
    case 'R':
      l->reset();
      return;
    case 'g':
      l->regenerate();
      return;
    case 'p':  // a clicked point inside the plotted square
      l->add_point(small(arg, 0, 256) / 85.0 - 1.5, small(arg, 1, 256) / 85.0 - 1.5,
                   small(arg, 2, 2));
      return;
    case 'k':
      l->clear_points();
      return;
    case 'c': {  // CSV import: the first byte gives the target columns (0 … 9, some refused),
                 // then the file with '|' for line breaks
      const int targets = small(arg, 0, 10);
      std::string text(arg.substr(arg.empty() ? 0 : 1));
      for (char& c : text)
        if (c == '|') c = '\n';
      const Unchanged before(*l);
      if (const bp::Status st = l->import_csv(text, targets); !st) before.check(st, "import_csv");
      return;
    }
    case 'm': {
      const Unchanged before(*l);
      if (const bp::Status st = l->import_model(arg); !st) before.check(st, "import_model");
      return;
    }
    case 'x': {  // export and import back: the network must survive bit for bit
      const std::vector<double> params = l->network().params();
      const bp::Status st = l->import_model(bp::model_to_json(l->network()));
      if (!l->network().is_finite()) return;  // a diverged network's NaN is refused by the reader
      FUZZ_CHECK(st.is_ok(), "exported model not importable: %s", st.message().c_str());
      FUZZ_CHECK(fuzz::same_bits(l->network().params().data(), params.data(), params.size()),
                 "export/import changed the parameters");
      return;
    }
    case 'w': {  // inspector on some weight and sample
      l->inspector().select_weight(small(arg, 0, 9), small(arg, 1, 18), small(arg, 2, 18));
      l->inspector().selection().sample = small(arg, 3, 256);
      const bp::Trace t = l->inspector().trace();
      FUZZ_CHECK(int(t.y.size()) == l->network().num_layers(), "trace of %zu layers", t.y.size());
      (void)l->predict(small(arg, 4, 256) / 85.0 - 1.5, small(arg, 5, 256) / 85.0 - 1.5);
      (void)l->inspector().weight_name();
      return;
    }
    default:
      return;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Long scripts only repeat what short ones reach, and training dominates the time per run.
  if (size > 4096) return 0;
  const std::string_view script(reinterpret_cast<const char*>(data), size);
  lab::Lab l;
  std::size_t pos = 0;
  while (pos < script.size()) {
    const std::size_t nl = script.find('\n', pos);
    const std::string_view line = script.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? script.size() : nl + 1;
    if (line.empty()) continue;
    run(&l, line[0], line.substr(line.size() > 1 && line[1] == ' ' ? 2 : 1));
    check_invariants(l);
  }
  return 0;
}
