#include "processors/pdf/PageIntegrity.h"

// qpdf 11 asks callers to choose how PointerHolder behaves; we use none of it.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

namespace dossier {

std::optional<PageDefect> FindUnreadablePage(const std::string& pdf) {
  QPDF document;
  document.setSuppressWarnings(true);
  int page_number = 0;
  try {
    document.processMemoryFile("output", pdf.data(), pdf.size());
    (void)document.getWarnings();  // what loading noticed is not a page defect
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(document).getAllPages();
    for (QPDFPageObjectHelper& page : pages) {
      ++page_number;
      Pl_Discard discard;
      page.pipeContents(&discard);
      if (document.anyWarnings()) return PageDefect{page_number, document.getWarnings().front().what()};
    }
  } catch (const std::exception& error) {
    return PageDefect{page_number, error.what()};
  }
  return std::nullopt;
}

}  // namespace dossier
