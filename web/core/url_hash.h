// The URL hash: every setting of the lab as "key=value&…", so that a link reproduces a set-up.
//   ds=circle&n=400&noise=0.1&ratio=0.5&dseed=1&f=x1,x2&h=4,2&act=tanh&out=sigmoid&loss=half-sse
//   &init=xavier&seed=1&lr=0.03&mom=0&bs=10&l1=0&l2=0&speed=1&hide=data,arch
// Keys may be omitted (the default applies). A link is accepted whole or not at all: an unknown
// key, a malformed value or a setting out of range rejects it with a message naming the key.
#pragma once
#include <string>
#include <string_view>

#include "number_text.h"
#include "settings.h"
#include "status.h"

namespace lab {

constexpr std::size_t kMaxHashLength = 2048;

std::string encode_hash(const Settings& s);
// On error *out is untouched. A leading '#' is allowed; %XX escapes are decoded.
bp::Status decode_hash(std::string_view hash, Settings* out);

}  // namespace lab
