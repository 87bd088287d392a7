#include "workflow/JobOutcome.h"

#include "workflow/CodeTable.h"

namespace dossier {
namespace {

constexpr CodedValue<JobOutcome> kTable[] = {
    {JobOutcome::kAccepted, "accepted", "Acceptée"},
    {JobOutcome::kRefused, "refused", "Refusée"},
    {JobOutcome::kUnprocessable, "unprocessable", "Non traitable"},
};

}  // namespace

const char* Code(JobOutcome outcome) {
  return RowOf(kTable, outcome).code;
}

const char* Label(JobOutcome outcome) {
  return RowOf(kTable, outcome).label;
}

std::optional<JobOutcome> ParseJobOutcome(std::string_view code) {
  return ValueOf(kTable, code);
}

}  // namespace dossier
