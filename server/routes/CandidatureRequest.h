#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace dossier {

// The body of PUT /api/v1/candidatures/{id}, checked:
// {"formation": "…", "ine": "…", "nom": "…", "prenom": "…", "email": "…",
//  "date_limite": "2026-12-15",
//  "pieces": [{"code": "releve_bac", "mandatory": true}, …]}.
struct CandidatureRequest {
  struct Piece {
    std::string code;
    bool mandatory = true;
  };
  std::string formation;
  // Absent: left as it is on an update; present but null or "": cleared.
  std::optional<std::string> ine;  // normalised ("1234567890V")
  std::optional<std::string> email;
  // The candidate's name as eCandidat knows it, at most 100 characters each.
  std::optional<std::string> nom, prenom;
  std::optional<std::vector<Piece>> pieces;  // absent: the pièces stay as they are
  // The deadline eCandidat set, "YYYY-MM-DD". Unlike the fields above, the
  // PUT replaces it whatever it carries: absent or null is "no deadline"
  // (""), so a request without it never leaves a stale date shown.
  std::string date_limite;
};

// Throws ClientError naming what is wrong: formation missing, an INE that
// ValidateIne refuses, a nom or prénom over 100 characters, an e-mail address without '@', a date_limite that is
// not a real calendar date written YYYY-MM-DD, a pièce code that is not an
// identifier, a pièce listed twice. (Whether the codes exist is the
// database's to say.)
CandidatureRequest ParseCandidatureRequest(const Poco::JSON::Object::Ptr& body);

}  // namespace dossier
