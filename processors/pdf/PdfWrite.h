#pragma once

#include <podofo/podofo.h>

#include <string>

namespace dossier {

// Serialises a document to bytes (compact mode: no pretty-printing).
std::string WritePdf(PoDoFo::PdfMemDocument& doc);

}  // namespace dossier
