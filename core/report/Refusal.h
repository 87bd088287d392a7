#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace dossier {

// Why a pièce is refused. The codes are part of the JSON contract.
enum class RefusalReason { Format, Size, Pages, Corrupt, Encrypted, Empty, Limits };

const char* ReasonCode(RefusalReason reason);
// The reason of a code ReasonCode gives; nullopt for any other text.
std::optional<RefusalReason> ReasonOfCode(const std::string& code);

// A refusal of the candidate's input: carries the machine code, the sentence
// shown to the candidate (French), and technical context (file, object,
// offset) for the logs. Thrown from deep inside the pipeline and turned into a
// report at its edge.
class Refusal : public std::runtime_error {
 public:
  Refusal(RefusalReason reason, std::string message_fr, std::string context = {});

  RefusalReason reason() const { return reason_; }
  const std::string& message_fr() const { return message_fr_; }
  const std::string& context() const { return context_; }

 private:
  RefusalReason reason_;
  std::string message_fr_;
  std::string context_;
};

}  // namespace dossier
