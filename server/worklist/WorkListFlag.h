#pragma once

#include <optional>
#include <string_view>

namespace dossier {

// What the pre-check of a candidature's current pièce versions found that
// is worth the gestionnaire's eye: a flag of the work list (`flags`, and
// the `flag=` filter).
enum class WorkListFlag {
  kIneIllisible,     // an INE verdict `illisible`
  kIneDifferent,     // an INE verdict `different`
  kRefuseeControle,  // refused by the pre-check
  kUnprocessable,    // the workers gave up on it
  kContenuActif,     // active content removed or kept (precheck.active_content)
};

// Every flag, in the order the API lists them.
inline constexpr WorkListFlag kEveryWorkListFlag[] = {
    WorkListFlag::kIneIllisible, WorkListFlag::kIneDifferent, WorkListFlag::kRefuseeControle,
    WorkListFlag::kUnprocessable, WorkListFlag::kContenuActif};

// "ine_illisible", "ine_different", "refusee_controle", "unprocessable", "contenu_actif".
const char* WorkListFlagName(WorkListFlag flag);
std::optional<WorkListFlag> ParseWorkListFlag(std::string_view name);

}  // namespace dossier
