#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "processors/dossier/DossierCover.h"

namespace dossier {

// A pièce that could not be added to the dossier (which one, and why).
class DossierAssemblyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "Télécharger mon dossier" as one PDF: the cover pages, then the pages of
// every pièce in the given order (the processed PDFs, as bytes). Pages are
// copied as they are: JPEGs stay embedded unchanged, text stays text. A
// signed pièce loses its signature here (a merge invalidates it); the
// per-pièce download keeps it. Throws DossierAssemblyError.
std::string AssembleDossier(const DossierCover& cover, const std::vector<std::string>& piece_pdfs);

}  // namespace dossier
