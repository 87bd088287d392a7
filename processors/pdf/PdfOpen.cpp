#include "processors/pdf/PdfOpen.h"

#include "core/messages/PdfMessages.h"
#include "core/report/Refusal.h"
#include "processors/pdf/QpdfRewrite.h"

namespace dossier {
namespace {

std::unique_ptr<PoDoFo::PdfMemDocument> TryPodofo(const std::string& bytes) {
  auto doc = std::make_unique<PoDoFo::PdfMemDocument>();
  try {
    doc->LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    return doc;
  } catch (const PoDoFo::PdfError&) {
    return nullptr;
  } catch (const std::exception&) {
    return nullptr;
  }
}

void CheckSize(const PoDoFo::PdfMemDocument& doc, const InputFile& file, const HardLimits& limits) {
  if (doc.GetObjects().GetSize() > limits.max_pdf_objects)
    throw Refusal(RefusalReason::Limits, DamagedPdfMessage(file.name),
                  file.name + ": " + std::to_string(doc.GetObjects().GetSize()) + " objects");
}

// Every page must resolve: a broken page tree is found here, where qpdf can
// still repair it, not halfway through the merge.
int ReadablePages(const PoDoFo::PdfMemDocument& doc, const InputFile& file,
                  const HardLimits& limits) {
  int count = doc.GetPageCount();
  if (count > limits.max_pages_per_file)
    throw Refusal(RefusalReason::Limits,
                  TooManyPagesInFileMessage(file.name, count, limits.max_pages_per_file),
                  file.name + ": " + std::to_string(count) + " pages");
  for (int i = 0; i < count; ++i)
    if (!doc.GetPage(i)) return -1;
  return count;
}

int PagesOrMinusOne(const PoDoFo::PdfMemDocument& doc, const InputFile& file,
                    const HardLimits& limits) {
  try {
    return ReadablePages(doc, file, limits);
  } catch (const PoDoFo::PdfError&) {
    return -1;
  }
}

}  // namespace

OpenedPdf OpenPdf(const InputFile& file, const HardLimits& limits) {
  OpenedPdf opened;
  opened.doc = TryPodofo(file.bytes);
  if (opened.doc && !opened.doc->GetEncrypted()) {
    CheckSize(*opened.doc, file, limits);
    opened.pages = PagesOrMinusOne(*opened.doc, file, limits);
    if (opened.pages > 0) return opened;
  }
  QpdfRewrite rewrite = RewriteWithQpdf(file.bytes, file.name);
  opened.repaired = !opened.doc;
  opened.decrypted = rewrite.was_encrypted;
  opened.doc = TryPodofo(rewrite.bytes);
  opened.rewritten = std::move(rewrite.bytes);
  if (!opened.doc)
    throw Refusal(RefusalReason::Corrupt, DamagedPdfMessage(file.name),
                  file.name + ": unreadable even after qpdf reconstruction");
  CheckSize(*opened.doc, file, limits);
  opened.pages = PagesOrMinusOne(*opened.doc, file, limits);
  if (opened.pages == 0)
    throw Refusal(RefusalReason::Empty, EmptyPdfMessage(file.name), file.name + ": no page");
  if (opened.pages < 0)
    throw Refusal(RefusalReason::Corrupt, DamagedPdfMessage(file.name),
                  file.name + ": page tree unreadable");
  return opened;
}

}  // namespace dossier
