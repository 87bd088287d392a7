#pragma once

#include <podofo/podofo.h>

namespace dossier {

// True when the document carries a digital signature: a signature
// dictionary with a /ByteRange. Such a PDF must stay byte for byte as
// uploaded, or the signature breaks (a signed transcript loses its value).
bool HasSignature(const PoDoFo::PdfMemDocument& doc);

}  // namespace dossier
