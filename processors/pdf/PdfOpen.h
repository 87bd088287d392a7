#pragma once

#include <podofo/podofo.h>

#include <memory>
#include <string>

#include "core/input/InputFile.h"
#include "processors/core/HardLimits.h"

namespace dossier {

// An uploaded PDF, loaded and ready to be merged.
struct OpenedPdf {
  std::unique_ptr<PoDoFo::PdfMemDocument> doc;
  int pages = 0;
  bool repaired = false;   // PoDoFo refused the file; qpdf rebuilt it
  bool decrypted = false;  // encrypted with an empty user password
  // qpdf's clean rewrite when the upload needed one: reloading it later skips
  // the repair.
  std::string rewritten;
};

// Loads with PoDoFo; a file PoDoFo refuses, or an encrypted one, goes
// through qpdf first (repair, decryption). Throws Refusal: `encrypted` when a
// password is needed, `corrupt` when nothing can read it, `empty` for a PDF
// without pages, `limits` past HardLimits.
OpenedPdf OpenPdf(const InputFile& file, const HardLimits& limits);

}  // namespace dossier
