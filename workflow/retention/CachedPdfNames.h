#pragma once

#include <string>

namespace dossier {

// The names the server gives a candidature's cached PDFs in the data
// directory (server/dossier/DossierPdf, server/receipt/ReceiptPdfFile),
// matched exactly so that candidature "a" never takes the files of "a-b".

// dossiers/"<id>-<64 hex>.pdf"
bool IsCachedDossierOf(const std::string& name, const std::string& id);
// recepisses/"<id>-<receipt id>-r<layout>.pdf"
bool IsCachedReceiptOf(const std::string& name, const std::string& id);

}  // namespace dossier
