#include "workflow/IneVerdict.h"

#include "workflow/CodeTable.h"

namespace dossier {
namespace {

constexpr CodedValue<IneVerdict> kTable[] = {
    {IneVerdict::kConforme, "conforme", "Conforme"},
    {IneVerdict::kDifferent, "different", "Différent"},
    {IneVerdict::kIllisible, "illisible", "Illisible"},
    {IneVerdict::kAbsent, "absent", "Absent"},
    {IneVerdict::kNonVerifie, "non_verifie", "Non vérifié"},
};

}  // namespace

const char* Code(IneVerdict verdict) {
  return RowOf(kTable, verdict).code;
}

const char* Label(IneVerdict verdict) {
  return RowOf(kTable, verdict).label;
}

std::optional<IneVerdict> ParseIneVerdict(std::string_view code) {
  return ValueOf(kTable, code);
}

}  // namespace dossier
