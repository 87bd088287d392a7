#pragma once

#include "core/cover/DossierCover.h"

namespace PoDoFo {
class PdfMemDocument;
}

namespace dossier {

// Paints the cover as A4 pages appended to `doc` and returns how many: a
// header, then a table of the pièces (long texts wrapped, continued on further
// pages under a repeated table header). Base-14 Helvetica with WinAnsi
// encoding: French is shown as is, characters outside it as "?" (see
// WinAnsiText.h). Throws PoDoFo::PdfError.
int PaintDossierCover(PoDoFo::PdfMemDocument& doc, const DossierCover& cover);

}  // namespace dossier
