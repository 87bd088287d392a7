#pragma once

#include <stdexcept>

namespace dossier {

// A bad command line, of `dossier`, `dossierd` or `dossier-worker`: the
// message on stderr, with the usage text, and exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dossier
