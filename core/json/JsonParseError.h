#pragma once

#include <stdexcept>

namespace dossier {

// A JSON text that does not read as the type asked for (a pièce report, a
// cover): not JSON, a key missing, a value of the wrong type or out of range.
// The message says where ("report.ine.page") and what was expected. Our own
// programs write these texts, so it is an internal error, never a client's.
class JsonParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dossier
