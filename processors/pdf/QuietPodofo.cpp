#include "processors/pdf/QuietPodofo.h"

#include <podofo/podofo.h>

namespace dossier {

void QuietPodofo() {
  PoDoFo::PdfError::EnableDebug(false);
  PoDoFo::PdfError::EnableLogging(false);
}

}  // namespace dossier
