// Fuzzes the link reader, lab::decode_hash.
// Invariants beyond "no crash":
//   - on error the message is a bounded line and the output settings are untouched;
//   - on success the settings pass lab::validate, their encoding fits kMaxHashLength, and
//     decode(encode(s)) == s with encode(decode(encode(s))) == encode(s) (a shared link reproduces
//     the set-up exactly, and re-sharing it gives the same text).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "settings.h"
#include "url_hash.h"

namespace {

// Settings no link yields by omission (every field off its default), to detect partial writes.
const lab::Settings& sentinel() {
  static const lab::Settings s = [] {
    lab::Settings v;
    v.dataset = "spiral";
    v.samples = 123;
    v.noise = 0.375;
    v.train_ratio = 0.625;
    v.data_seed = 77;
    v.features = 0b1100;
    v.hidden = {3, 5, 7};
    v.hidden_activation = bp::ActivationId::Relu;
    v.output_activation = bp::ActivationId::Linear;
    v.loss = bp::LossId::Mse;
    v.init = bp::InitId::He;
    v.seed = 99;
    v.hyper = {0.5, 0.25, 3, 0.125, 0.0625};
    v.speed = 17;
    v.hidden_controls = lab::kControlReg;
    return v;
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view hash(reinterpret_cast<const char*>(data), size);
  lab::Settings s = sentinel();
  const bp::Status st = lab::decode_hash(hash, &s);
  if (!st) {
    FUZZ_CHECK(!st.message().empty() && st.message().size() <= fuzz::kMaxMessageBytes,
               "message of %zu bytes", st.message().size());
    FUZZ_CHECK(s == sentinel(), "output changed on error: %s", st.message().c_str());
    return 0;
  }
  const bp::Status valid = lab::validate(s);
  FUZZ_CHECK(valid.is_ok(), "decoded settings do not validate: %s", valid.message().c_str());
  const std::string encoded = lab::encode_hash(s);
  FUZZ_CHECK(encoded.size() <= lab::kMaxHashLength, "encoding of %zu characters", encoded.size());
  lab::Settings again = sentinel();
  const bp::Status back = lab::decode_hash(encoded, &again);
  FUZZ_CHECK(back.is_ok(), "encoded link does not decode: %s\n  link: %s", back.message().c_str(),
             encoded.c_str());
  FUZZ_CHECK(again == s, "decode(encode(s)) != s\n  link: %s",
             encoded.c_str());
  FUZZ_CHECK(lab::encode_hash(again) == encoded, "re-encoding changed the link\n  link: %s",
             encoded.c_str());
  return 0;
}
