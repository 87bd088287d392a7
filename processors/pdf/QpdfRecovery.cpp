#include "processors/pdf/QpdfRecovery.h"

// qpdf 11 asks callers to choose how PointerHolder behaves; we use none of it.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

namespace dossier {

bool NeedsQpdfRecovery(const std::string& pdf) {
  QPDF document;
  document.setSuppressWarnings(true);
  try {
    document.processMemoryFile("input", pdf.data(), pdf.size());
    Pl_Discard discard;
    QPDFWriter writer(document);
    writer.setOutputPipeline(&discard);
    writer.setDecodeLevel(qpdf_dl_none);  // raw bytes: a lying /Length shows, a bomb does not
    writer.setCompressStreams(false);
    writer.setPreserveEncryption(false);
    writer.write();
  } catch (const std::exception&) {
    return false;
  }
  return document.anyWarnings();
}

}  // namespace dossier
