#include "processors/pdf/QpdfRewrite.h"

// qpdf 11 asks callers to choose how PointerHolder behaves; we use none of it.
#define POINTERHOLDER_TRANSITION 4
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFWriter.hh>

#include "core/messages/PdfMessages.h"
#include "core/report/Refusal.h"

namespace dossier {

QpdfRewrite RewriteWithQpdf(const std::string& bytes, const std::string& name) {
  QpdfRewrite result;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(true);
    pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size(), "");
    result.was_encrypted = pdf.isEncrypted();
    (void)pdf.getAllPages();  // walks the page tree: loops throw here
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setPreserveEncryption(false);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.write();
    std::unique_ptr<Buffer> buffer(writer.getBuffer());
    result.bytes.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const QPDFExc& error) {
    if (error.getErrorCode() == qpdf_e_password)
      throw Refusal(RefusalReason::Encrypted, PasswordPdfMessage(name), error.what());
    throw Refusal(RefusalReason::Corrupt, DamagedPdfMessage(name), error.what());
  } catch (const std::exception& error) {
    throw Refusal(RefusalReason::Corrupt, DamagedPdfMessage(name), name + ": " + error.what());
  }
  return result;
}

}  // namespace dossier
