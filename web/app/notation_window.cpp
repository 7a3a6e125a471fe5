#include "notation_window.h"

#include <iterator>

namespace bplab {
namespace {

// The one notation of the course (docs/lessons.md, "Notation"); lesson 1 introduces it.
constexpr HelpWindow::Row kSymbols[] = {
    {"x₁, x₂", "The inputs: the sample's features."},
    {"w1, w2, …", "The weights, named as the lab names them: through the layers, unit by unit "
                  "(Mazur's order). The inspector also writes w_ji: from unit i of the layer below "
                  "to unit j."},
    {"b1.1, b2.1, …", "The biases: b<layer>.<unit>. A bias is the weight of a constant input 1."},
    {"θ = Σ w·y + b", "A unit's net input: its inputs' outputs times their weights, plus its bias."},
    {"y = f(θ)", "A unit's output; f is its activation. The network's output is its output unit's y."},
    {"t", "The target: the answer y should give for a sample."},
    {"e = y − t", "The local error of one sample: > 0 the guess is too high, < 0 too low."},
    {"E", "The loss (loss function, also called cost function): the global error, e.g. E = ½e² for "
          "one sample, the mean of ½e² over a set (half-sse), or cross-entropy (bce)."},
    {"f′(θ)", "The derivative of the activation, e.g. y(1 − y) for the sigmoid."},
    {"δ = ∂E/∂θ", "A unit's delta: how E changes with its net input. ∂E/∂w = δ·y of the unit the "
                  "weight comes from; ∂E/∂b = δ."},
    {"η, μ", "The learning rate and the momentum: w ← w − η·∂E/∂w without momentum."},
    {"unit j, layer l", "Units and layers are counted from 1 wherever you read them; layer 0 is "
                        "the input."},
};

}  // namespace

NotationWindow::NotationWindow()
    : HelpWindow({"Notation", "Symbol", "Meaning", 8, 36, kSymbols, std::size(kSymbols),
                  "Notation table"}) {}

}  // namespace bplab
