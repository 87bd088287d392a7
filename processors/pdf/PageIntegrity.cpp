#include "processors/pdf/PageIntegrity.h"

// qpdf 11 asks callers to choose how PointerHolder behaves; we use none of it.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace dossier {
namespace {

// Parses every operand and operator of a page, as `qpdf --check` does: a
// syntax error the viewer would skip over shows up as a qpdf warning.
class ContentParse : public QPDFObjectHandle::ParserCallbacks {
 public:
  void handleObject(QPDFObjectHandle) override {}
  void handleEOF() override {}
};

std::string FirstWarning(QPDF& document) {
  std::vector<QPDFExc> warnings = document.getWarnings();
  return warnings.empty() ? "" : warnings.front().what();
}

// The page's streams decode and its content parses without a warning.
std::string PageFault(QPDF& document, QPDFPageObjectHelper& page) {
  Pl_Discard discard;
  page.pipeContents(&discard);
  if (document.anyWarnings()) return FirstWarning(document);
  ContentParse parse;
  page.parseContents(&parse);
  return document.anyWarnings() ? FirstWarning(document) : "";
}

// Every other stream the file reaches, written to nowhere as `qpdf --check`
// does: the general filters (Flate, LZW…) decode whole, and a JPEG at least
// starts as one. A picture a reader cannot decode is as unreadable as a
// broken page.
std::string StreamFault(QPDF& document) {
  Pl_Discard discard;
  QPDFWriter writer(document);
  writer.setOutputPipeline(&discard);
  writer.setDecodeLevel(qpdf_dl_generalized);
  writer.write();
  if (document.anyWarnings()) return FirstWarning(document);
  for (QPDFObjectHandle& object : document.getAllObjects()) {
    if (!object.isStream()) continue;
    QPDFObjectHandle filter = object.getDict().getKey("/Filter");
    if (!filter.isName() || filter.getName() != "/DCTDecode") continue;
    std::shared_ptr<Buffer> raw = object.getRawStreamData();
    const unsigned char* bytes = raw->getBuffer();
    if (raw->getSize() < 3 || bytes[0] != 0xFF || bytes[1] != 0xD8 || bytes[2] != 0xFF)
      return "object " + std::to_string(object.getObjectID()) + ": not a JPEG";
  }
  return "";
}

}  // namespace

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
      std::string fault = PageFault(document, page);
      if (!fault.empty()) return PageDefect{page_number, fault};
    }
    page_number = 0;
    std::string fault = StreamFault(document);
    if (!fault.empty()) return PageDefect{0, fault};
  } catch (const std::exception& error) {
    return PageDefect{page_number, error.what()};
  }
  return std::nullopt;
}

}  // namespace dossier
