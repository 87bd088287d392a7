#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>

namespace dossier {

// `value`, or null when it is "": how our JSON says "none" for a text.
inline Poco::Dynamic::Var JsonStringOrNull(const std::string& value) {
  return value.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(value);
}

}  // namespace dossier
