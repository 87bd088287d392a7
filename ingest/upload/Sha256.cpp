#include "ingest/upload/Sha256.h"

#include <Poco/DigestEngine.h>

namespace dossier {

Sha256::Sha256() : engine_(Poco::SHA2Engine::SHA_256) {}

void Sha256::Update(const char* data, std::size_t size) {
  engine_.update(data, size);
}

std::string Sha256::Hex() {
  return Poco::DigestEngine::digestToHex(engine_.digest());
}

std::string Sha256::Of(const std::string& bytes) {
  Sha256 hash;
  hash.Update(bytes);
  return hash.Hex();
}

}  // namespace dossier
