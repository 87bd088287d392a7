#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "core/report/PieceRules.h"

namespace dossier {

// A pièce type as an establishment configures it.
struct PieceType {
  PieceRules rules;
  bool conditional = false;  // the candidate may answer « Non concerné »
};

// Malformed policy file; the message names the file and the entry.
class PolicyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The pièce types and their limits (schemas/piece_types.json). Defaults are
// eCandidat's; every entry may override them.
class PiecePolicy {
 public:
  // The policy compiled into the binary from schemas/piece_types.json.
  static PiecePolicy BuiltIn();
  static PiecePolicy FromFile(const std::string& path);
  static PiecePolicy FromJson(const std::string& json, const std::string& origin);

  // Rules for `code`; the defaults when `code` is empty. Throws PolicyError
  // for an unknown code.
  PieceRules RulesFor(const std::string& code) const;
  const PieceType* Find(const std::string& code) const;
  const std::vector<PieceType>& types() const { return types_; }
  const PieceRules& defaults() const { return defaults_; }

 private:
  PieceRules defaults_;
  std::vector<PieceType> types_;
};

}  // namespace dossier
