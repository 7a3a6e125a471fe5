// The number a learner types into an answer field (a lesson task's or an end-of-lesson check's).
#pragma once

namespace bplab {

// A whole decimal or scientific literal (the fields only admit those characters), surrounding
// blanks allowed; false for anything else or a value that is not finite.
bool parse_answer(const char* text, double* out);

}  // namespace bplab
