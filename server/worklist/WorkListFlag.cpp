#include "server/worklist/WorkListFlag.h"

namespace dossier {

const char* WorkListFlagName(WorkListFlag flag) {
  switch (flag) {
    case WorkListFlag::kIneIllisible:
      return "ine_illisible";
    case WorkListFlag::kIneDifferent:
      return "ine_different";
    case WorkListFlag::kRefuseeControle:
      return "refusee_controle";
    case WorkListFlag::kUnprocessable:
      return "unprocessable";
    case WorkListFlag::kContenuActif:
      return "contenu_actif";
  }
  return "";
}

std::optional<WorkListFlag> ParseWorkListFlag(std::string_view name) {
  for (WorkListFlag flag : kEveryWorkListFlag)
    if (name == WorkListFlagName(flag)) return flag;
  return std::nullopt;
}

}  // namespace dossier
