#pragma once

#include <string>

namespace dossier::messages {

// The French sentences of the candidature's history and of « Valider les
// pièces conformes » (POST /candidatures/{id}/decisions), in the tone of
// ApiMessages.h: what happened, then what to do.

// The comment of each pièce the bulk validation validated.
std::string ValidatedAsConforme();
// The body of the bulk validation asks something else than
// {"validate": "conformes"}.
std::string InvalidBulkDecision();

}  // namespace dossier::messages
