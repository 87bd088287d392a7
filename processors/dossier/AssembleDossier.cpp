#include "processors/dossier/AssembleDossier.h"

#include <podofo/podofo.h>

#include "core/input/InputFile.h"
#include "core/messages/CoverLabels.h"
#include "core/report/Refusal.h"
#include "processors/core/HardLimits.h"
#include "processors/dossier/WinAnsiText.h"
#include "processors/pdf/ActiveContent.h"
#include "processors/pdf/PdfOpen.h"
#include "processors/pdf/PdfWrite.h"
#include "processors/pdf/QpdfRecovery.h"
#include "processors/pdf/QpdfRewrite.h"
#include "processors/pdf/QuietPodofo.h"

namespace dossier {
namespace {

std::string PodofoReason(const PoDoFo::PdfError& error) {
  return std::string("PoDoFo ") + PoDoFo::PdfError::ErrorName(error.GetError());
}

void SetDocumentInfo(PoDoFo::PdfMemDocument& doc, const DossierCover& cover) {
  std::string title =
      ToWinAnsiRepertoire(messages::DossierTitle(cover.candidature_id, cover.formation));
  doc.GetInfo()->SetTitle(
      PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(title.c_str())));
  doc.GetInfo()->SetProducer(PoDoFo::PdfString("dossier"));
}

// PdfOpen repairs what PoDoFo alone cannot read; a processed pièce rarely
// needs it, but it came from a candidate. Signed pièces are the candidate's
// bytes: what qpdf must recover is rebuilt, and their active content, kept
// in the signed original, is removed from the dossier.
void AppendPiece(PoDoFo::PdfMemDocument& out, const std::string& bytes, std::size_t index) {
  const std::string name = "pièce " + std::to_string(index + 1);
  try {
    const std::string sound = NeedsQpdfRecovery(bytes) ? RewriteWithQpdf(bytes, name).bytes : bytes;
    OpenedPdf opened = OpenPdf(InputFile{name, sound}, HardLimits{});
    RemoveActiveContent(*opened.doc);
    out.Append(*opened.doc);
  } catch (const Refusal& refusal) {
    throw DossierAssemblyError(name + ": " + refusal.what());
  } catch (const PoDoFo::PdfError& error) {
    throw DossierAssemblyError(name + ": " + PodofoReason(error));
  }
}

}  // namespace

std::string AssembleDossier(const DossierCover& cover, const std::vector<std::string>& piece_pdfs) {
  QuietPodofo();
  PoDoFo::PdfMemDocument out;
  try {
    PaintDossierCover(out, cover);
  } catch (const PoDoFo::PdfError& error) {
    throw DossierAssemblyError("cover: " + PodofoReason(error));
  }
  for (std::size_t i = 0; i < piece_pdfs.size(); ++i) AppendPiece(out, piece_pdfs[i], i);
  try {
    SetDocumentInfo(out, cover);
    return WritePdf(out);
  } catch (const PoDoFo::PdfError& error) {
    throw DossierAssemblyError("writing the dossier: " + PodofoReason(error));
  }
}

}  // namespace dossier
