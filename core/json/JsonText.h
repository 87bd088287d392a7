#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace dossier {

// The one way the service writes JSON: a report, a cover, a log line. Poco's
// stringifier (keys in the object's order), then its text made safe for a log
// collector whatever bytes the strings held: each byte that starts no
// well-formed UTF-8 sequence (a stray or missing continuation, an overlong
// form, a surrogate, a code point past U+10FFFF) becomes U+FFFD, and the
// controls Poco leaves as they are (DEL, C1) and U+2028/U+2029 are written
// \uXXXX. Valid UTF-8 stays readable: « Pièce acceptée » is not escaped.
// `indent` > 0 spreads it over lines (for files a person reads); 0 gives one
// line.
std::string JsonText(const Poco::JSON::Object& object, unsigned indent = 0);
std::string JsonText(const Poco::JSON::Array& array, unsigned indent = 0);

}  // namespace dossier
