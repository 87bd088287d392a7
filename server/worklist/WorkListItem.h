#pragma once

#include <string>
#include <vector>

#include "server/worklist/WorkListFlag.h"

namespace dossier {

// One candidature of the work list, as the page and the export show it.
// Texts the candidature does not have yet (nom, prénom, INE) are "".
struct WorkListItem {
  std::string id;
  std::string nom;
  std::string prenom;
  std::string ine;
  std::string formation;
  std::string status;       // the stored code
  std::string updated_at;   // "2026-12-03T18:40:00Z"
  int pieces = 0;           // required of the candidature
  int pieces_to_check = 0;  // transmitted (TR), waiting for a decision
  std::vector<WorkListFlag> flags;
};

}  // namespace dossier
