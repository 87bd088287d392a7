#include "daemon/ServicePolicy.h"

namespace dossier {

PiecePolicy LoadServicePolicy(const std::string& policy_file) {
  return policy_file.empty() ? PiecePolicy::BuiltIn() : PiecePolicy::FromFile(policy_file);
}

}  // namespace dossier
