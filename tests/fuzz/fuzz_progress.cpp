// Fuzzes the stored lesson progress reader, lessons::Progress::from_json (web/lessons/progress.cpp),
// which reads text from browser localStorage or a file that anyone may have edited. Invariants:
//   - on error the message is a bounded line and *out is untouched;
//   - on success every entry has step and completed in 0 … 10000, to_json → from_json gives the
//     same progress, and writing it again gives the same text.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "progress.h"

namespace {

// Progress no valid text yields (a step above 10000), to detect partial writes.
lessons::Progress sentinel() {
  lessons::Progress p;
  p.lessons["sentinel"] = {12345, 2};
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  lessons::Progress out = sentinel();
  const bp::Status s = lessons::Progress::from_json(text, &out);
  if (!s) {
    FUZZ_CHECK(!s.message().empty() && s.message().size() <= fuzz::kMaxMessageBytes,
               "message of %zu bytes", s.message().size());
    FUZZ_CHECK(out == sentinel(), "output changed on error: %s", s.message().c_str());
    return 0;
  }
  for (const auto& [id, p] : out.lessons)
    FUZZ_CHECK(p.step >= 0 && p.step <= 10000 && p.completed >= 0 && p.completed <= 10000,
               "entry out of range: step %d, completed %d", p.step, p.completed);
  const std::string written = out.to_json();
  lessons::Progress again = sentinel();
  const bp::Status back = lessons::Progress::from_json(written, &again);
  FUZZ_CHECK(back.is_ok(), "written progress does not read back: %s", back.message().c_str());
  FUZZ_CHECK(again == out, "round trip changed the progress");
  FUZZ_CHECK(again.to_json() == written, "writing twice gives different text");
  return 0;
}
