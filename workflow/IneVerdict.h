#pragma once

#include <optional>
#include <string_view>

namespace dossier {

// The INE check's verdict on a pièce, as the report carries it and
// precheck.ine_verdict stores it.
enum class IneVerdict {
  kConforme,    // the INE read is the one declared
  kDifferent,   // a legible INE, not the one declared
  kIllisible,   // an INE was there but could not be read with confidence
  kAbsent,      // no INE found on the document
  kNonVerifie,  // not checked: nothing declared, or a type without the check
};

// Every verdict, in the order above (for counts that show zeros too).
inline constexpr IneVerdict kEveryIneVerdict[] = {IneVerdict::kConforme, IneVerdict::kDifferent,
                                                  IneVerdict::kIllisible, IneVerdict::kAbsent,
                                                  IneVerdict::kNonVerifie};

// "conforme", "different", "illisible", "absent", "non_verifie".
const char* Code(IneVerdict verdict);
// The verdict of a stored code; nullopt for anything else.
std::optional<IneVerdict> ParseIneVerdict(std::string_view code);
// « Conforme », « Différent », « Illisible », « Absent », « Non vérifié ».
const char* Label(IneVerdict verdict);

}  // namespace dossier
