#include "ui_context.h"

namespace bplab {

bool UiContext::apply(const lab::Settings& s) {
  std::string note;
  const bp::Status st = lab.apply(s, &note);
  if (!st) {
    error = st.message();
    return false;
  }
  error.clear();
  if (!note.empty()) notice = note;
  return true;
}

}  // namespace bplab
