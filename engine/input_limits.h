// Limits on what a file, a link or a command line may ask for. They are checked before anything is
// allocated, so a hostile or mistyped input can never make the engine reserve gigabytes.
#pragma once
#include <cstddef>

namespace bp {

constexpr int kMaxLayers = 16;            // layers including the input layer
constexpr int kMaxUnits = 1024;           // units in any one layer
constexpr int kMaxSamples = 1000000;      // rows of a data set
constexpr int kMaxBatch = kMaxSamples;    // samples in one batch
constexpr std::size_t kMaxFileBytes = 64u << 20;  // a model, data or lesson file: 64 MiB
constexpr double kMaxLearningRate = 1e6;  // η beyond this is a typo, not an experiment

}  // namespace bp
