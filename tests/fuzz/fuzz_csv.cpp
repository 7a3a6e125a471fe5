// Fuzzes the CSV data reader, bp::parse_csv. The first byte picks the column layout (1 … 4 inputs,
// 1 … 3 targets: the 2-D lab sets, feature-expanded and multi-output CLI sets); the rest is the file.
// Invariants beyond "no crash":
//   - on error the message is a bounded line and the output data set is untouched;
//   - on success the set has the requested layout, 1 … kMaxSamples samples, consistent array sizes
//     and only finite values, and to_csv → parse_csv gives it back bit for bit.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "csv.h"
#include "fuzz_check.h"
#include "input_limits.h"

namespace {

// A data set no file yields (7 inputs, 3 targets), to detect partial writes.
const bp::Dataset& sentinel() {
  static const bp::Dataset data{7, 3, {1, 2, 3, 4, 5, 6, 7}, {-1, -2, -3}};
  return data;
}

bool same_data(const bp::Dataset& a, const bp::Dataset& b) {
  return a.n_inputs == b.n_inputs && a.n_targets == b.n_targets && a.x.size() == b.x.size() &&
         a.t.size() == b.t.size() && fuzz::same_bits(a.x.data(), b.x.data(), a.x.size()) &&
         fuzz::same_bits(a.t.data(), b.t.data(), a.t.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int n_inputs = 1 + data[0] % 4;
  const int n_targets = 1 + (data[0] / 4) % 3;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  bp::Dataset out = sentinel();
  const bp::Status s = bp::parse_csv(text, n_inputs, n_targets, &out);
  if (!s) {
    FUZZ_CHECK(!s.message().empty() && s.message().size() <= fuzz::kMaxMessageBytes,
               "message of %zu bytes", s.message().size());
    FUZZ_CHECK(same_data(out, sentinel()), "output changed on error: %s", s.message().c_str());
    return 0;
  }
  FUZZ_CHECK(out.n_inputs == n_inputs && out.n_targets == n_targets, "layout %d+%d, asked %d+%d",
             out.n_inputs, out.n_targets, n_inputs, n_targets);
  const int n = out.size();
  FUZZ_CHECK(n >= 1 && n <= bp::kMaxSamples, "%d samples", n);
  FUZZ_CHECK(out.x.size() == std::size_t(n) * n_inputs && out.t.size() == std::size_t(n) * n_targets,
             "x has %zu values, t %zu, for %d samples", out.x.size(), out.t.size(), n);
  for (double v : out.x) FUZZ_CHECK(std::isfinite(v), "non-finite input %g", v);
  for (double v : out.t) FUZZ_CHECK(std::isfinite(v), "non-finite target %g", v);

  bp::Dataset again = sentinel();
  const bp::Status back = bp::parse_csv(bp::to_csv(out), n_inputs, n_targets, &again);
  FUZZ_CHECK(back.is_ok(), "written CSV does not read back: %s", back.message().c_str());
  FUZZ_CHECK(same_data(out, again), "round trip changed the data");
  return 0;
}
