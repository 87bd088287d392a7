#pragma once

#include <string>
#include <vector>

#include "core/report/PieceReport.h"

namespace dossier {

class IneReader;

struct IneCheckOptions {
  std::string declared;          // the INE in the candidate's profile; may be empty
  int max_ocr_pages = 3;         // scanned pages read by OCR, first pages first
  std::vector<double> page_dpi;  // resolution of each page's scan, when known
  float min_confidence = 70;     // weakest character of a legible number (0–100)
};

// The INE verdict for a pièce's PDF (our output): the text layer first
// (born-digital documents, no OCR), then OCR of the scanned pages.
//   conforme    a valid, legible INE equal to the declared one
//   different   a valid, legible INE that is not the declared one
//   illisible   a label or a number was found but cannot be read with
//               confidence, or does not pass its format and key
//   absent      no INE label or number on the pages looked at
//   non_verifie a legible INE, but nothing declared to compare with
// Never throws for a bad document: a PDF poppler cannot open is `illisible`.
IneReport CheckIne(const std::string& pdf, const IneCheckOptions& options, IneReader& reader);

}  // namespace dossier
