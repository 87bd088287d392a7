#include "isolation/ChildVerdict.h"

#include "isolation/ChildExit.h"

namespace dossier {

ChildVerdict VerdictOf(const ChildResult& result) {
  switch (result.end) {
    case ChildResult::End::ForkFailed:
      return ChildVerdict::NotStarted;
    case ChildResult::End::Cancelled:
      return ChildVerdict::Cancelled;
    case ChildResult::End::TimedOut:
      return ChildVerdict::TimedOut;
    case ChildResult::End::Signalled:
      return ChildVerdict::Crashed;
    case ChildResult::End::Exited:
      break;
  }
  if (Reported(result.exit_code)) return ChildVerdict::Reported;
  if (result.exit_code == kChildStorageFault) return ChildVerdict::StorageFault;
  if (result.exit_code == kChildNotConfined) return ChildVerdict::NotConfined;
  return ChildVerdict::NoReport;
}

}  // namespace dossier
