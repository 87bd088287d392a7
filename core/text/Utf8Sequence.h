#pragma once

#include <cstddef>
#include <string_view>

namespace dossier {

// The length (1 to 4) of the well-formed UTF-8 sequence that starts at `at`
// in `text`, or 0 when the bytes there are not one: a stray continuation
// byte, a sequence cut short, an overlong form, a surrogate (U+D800–U+DFFF)
// or a code point past U+10FFFF. `at` must be inside `text`.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t at);

}  // namespace dossier
