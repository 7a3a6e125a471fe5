// Reading the inputs of grad and train: the loss named on the command line, the model file and the
// data file. Every error is one line naming the flag or the file, e.g.
// "m.json: weights[1][0][2]: expected a number" or "d.csv: line 3: 2 columns, expected 3 (...)".
#pragma once
#include <string>

#include "dataset.h"
#include "flags.h"
#include "loss.h"
#include "network.h"
#include "status.h"

namespace bp::cli {

// The --loss flag of grad and train, read by find_loss_flag.
FlagSpec loss_flag();

// The --data flag of grad, train and landscape, read by load_data.
FlagSpec data_flag();

// nullptr and *error = "unknown --loss ..." listing the valid names when name is unknown.
const Loss* find_loss_flag(const std::string& name, std::string* error);

// Reads and validates a model file; *has_weights tells whether it carried "weights" (a file
// without them describes only the architecture). loss must suit the output layer (ce: softmax,
// bce: sigmoid). On error *net is untouched.
Status load_model(const std::string& path, const Loss& loss, Network* net, bool* has_weights);

// Reads a CSV data file whose columns must be the network's inputs then its targets, or its inputs
// then a column headed `class` (whole numbers 0 … K − 1): the target of a one-output model (0 or
// 1), or K one-hot targets for a model of K outputs.
Status load_data(const std::string& path, const Network& net, Dataset* data);

// What grad and train both read: --loss, --model and --data.
struct Inputs {
  const Loss* loss = nullptr;
  Network net;
  Dataset data;
  bool has_weights = false;
};
// Reads all three; returns 0, or the exit code (usage or bad input) with *error set.
int load_inputs(const Flags& flags, Inputs* in, std::string* error);

}  // namespace bp::cli
