#pragma once

#include <Poco/SHA2Engine.h>

#include <cstddef>
#include <string>

namespace dossier {

// The sha256 of bytes that arrive in pieces (a streamed upload), as the
// lowercase hexadecimal that `sha256sum` prints.
class Sha256 {
 public:
  Sha256();
  void Update(const char* data, std::size_t size);
  void Update(const std::string& bytes) { Update(bytes.data(), bytes.size()); }
  // The digest of everything so far; the hasher starts over afterwards.
  std::string Hex();

  // The digest of one string.
  static std::string Of(const std::string& bytes);

 private:
  Poco::SHA2Engine engine_;
};

}  // namespace dossier
