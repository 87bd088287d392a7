#include "core/report/Refusal.h"

namespace dossier {

const char* ReasonCode(RefusalReason reason) {
  switch (reason) {
    case RefusalReason::Format:
      return "format";
    case RefusalReason::Size:
      return "size";
    case RefusalReason::Pages:
      return "pages";
    case RefusalReason::Corrupt:
      return "corrupt";
    case RefusalReason::Encrypted:
      return "encrypted";
    case RefusalReason::Empty:
      return "empty";
    case RefusalReason::Limits:
      return "limits";
  }
  return "corrupt";
}

std::optional<RefusalReason> ReasonOfCode(const std::string& code) {
  for (RefusalReason reason :
       {RefusalReason::Format, RefusalReason::Size, RefusalReason::Pages, RefusalReason::Corrupt,
        RefusalReason::Encrypted, RefusalReason::Empty, RefusalReason::Limits})
    if (code == ReasonCode(reason)) return reason;
  return std::nullopt;
}

Refusal::Refusal(RefusalReason reason, std::string message_fr, std::string context)
    : std::runtime_error(std::string(ReasonCode(reason)) + ": " +
                         (context.empty() ? message_fr : context)),
      reason_(reason),
      message_fr_(std::move(message_fr)),
      context_(std::move(context)) {}

}  // namespace dossier
