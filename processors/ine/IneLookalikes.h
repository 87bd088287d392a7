#pragma once

#include <string>
#include <string_view>

namespace dossier {

// True when `read` certainly is not the `declared` INE (which must be
// valid): where the declared INE has a digit, the reading shows another one,
// or a letter that can only hide another one (an O is a 0, never a 5). A
// digit read where a letter is declared is what OCR does; a different digit,
// read with confidence, is evidence. `different` needs it.
bool ShowsAnotherIne(std::string_view read, std::string_view declared);

// `read` as the declared INE's shape says it must be spelt: a look-alike of
// the declared character is that character (OCR cannot tell them apart,
// the digits that differ are the finding), other look-alike digits in
// letter positions become letters, look-alike letters in digit positions
// digits. A declared INE that is not valid (a slip broke its key) lends
// only its look-alikes. For showing what a document says when it is
// certainly another INE; never a basis for `conforme`.
std::string BestReading(std::string_view read, std::string_view declared);

}  // namespace dossier
