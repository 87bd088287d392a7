#pragma once

#include <cstddef>
#include <string>

namespace dossier::messages {

// The French sentences of POST /api/v1/dossiers.zip (several dossiers in one
// archive), in the tone of ApiMessages.h: what happened, then what to do;
// and the text of the "{id}-erreur.txt" entry that stands for a dossier the
// archive could not hold.

// The body's "ids" is not a list of 1 to `max` candidature ids.
std::string ExpectedDossierIds(std::size_t max);
std::string NoDossierAsked();
std::string TooManyDossiers(std::size_t asked, std::size_t max);
// The element at `position` (from 1) is not a candidature id.
std::string InvalidDossierId(std::size_t position);
std::string DossierAskedTwice(const std::string& id);
std::string UnknownDossier(const std::string& id);

// In the archive, instead of "{id}.pdf".
std::string DossierNotReadyInArchive(const std::string& id);
std::string DossierFailedInArchive(const std::string& id);
std::string DossierBusyInArchive(const std::string& id);

// Every slot for assembling a dossier or drawing a récépissé stayed taken.
std::string DossierProgramsBusy();

}  // namespace dossier::messages
