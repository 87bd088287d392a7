#include "processors/pipeline/ProcessPiece.h"

#include <algorithm>
#include <chrono>

#include "core/messages/CandidateMessages.h"
#include "core/messages/PdfMessages.h"
#include "core/sniff/Sniff.h"
#include "processors/fit/FitLadder.h"
#include "processors/fit/FitToLimit.h"
#include "processors/image/ImagePage.h"
#include "processors/image/TiffPages.h"
#include "processors/ine/IneCheck.h"
#include "processors/pdf/ActiveContent.h"
#include "processors/pdf/DrawingBudget.h"
#include "processors/pdf/PageIntegrity.h"
#include "processors/pdf/PdfOpen.h"
#include "processors/pdf/PdfWrite.h"
#include "processors/pdf/QpdfRecovery.h"
#include "processors/pdf/QpdfRewrite.h"
#include "processors/pdf/QuietPodofo.h"
#include "processors/pdf/ScannedPageImages.h"
#include "processors/pdf/SignatureProbe.h"

namespace dossier {
namespace {

struct SniffedInput {
  const InputFile* file;
  FileKind kind;
  std::string rewritten;  // qpdf's clean copy of a PDF, once known
  bool repaired = false;  // what the first opening found, kept for the report
  bool decrypted = false;
  bool drawing_measured = true;  // false: qpdf could not read the upload to measure it
  int image_pages = 1;           // a TIFF's pages, counted before decoding
};

// A PDF qpdf reads only by working around a fault reaches PoDoFo as qpdf
// rebuilds it: PoDoFo would copy the fault (junk inside a stream) into the
// output, and a signed file that needs it cannot be kept as it is.
void RebuildIfRecovered(SniffedInput& input) {
  if (!NeedsQpdfRecovery(input.file->bytes)) return;
  QpdfRewrite rewrite = RewriteWithQpdf(input.file->bytes, input.file->name);
  input.rewritten = std::move(rewrite.bytes);
  input.repaired = true;
  input.decrypted = rewrite.was_encrypted;
}

void CheckCancelled(PieceProgress* progress) {
  if (progress && progress->Cancelled()) throw PieceCancelled();
}

SniffedInput SniffOne(const InputFile& file, const PieceRules& rules, const HardLimits& limits) {
  if (file.bytes.size() > limits.max_input_bytes)
    throw Refusal(RefusalReason::Limits, FileTooLargeToReadMessage(file.name, file.bytes.size()),
                  file.name + ": " + std::to_string(file.bytes.size()) + " bytes");
  SniffResult sniffed = Sniff(file.bytes);
  if (sniffed.kind == FileKind::Empty)
    throw Refusal(RefusalReason::Empty, EmptyFileMessage(file.name), file.name + ": 0 bytes");
  if (!rules.Accepts(FileKindCode(sniffed.kind)))
    throw Refusal(RefusalReason::Format, WrongFormatMessage(file.name, sniffed.kind, rules.formats),
                  file.name + ": sniffed as " + FileKindCode(sniffed.kind));
  // A truncated PDF may still be rebuilt by qpdf; a truncated image loses
  // its bottom rows, which is exactly what a gestionnaire refuses.
  if (sniffed.truncated && sniffed.kind != FileKind::Pdf)
    throw Refusal(RefusalReason::Corrupt, TruncatedFileMessage(file.name),
                  file.name + ": no end marker");
  SniffedInput input{&file, sniffed.kind, {}};
  // A TIFF's pages are counted from its directories before libtiff reads
  // one: a file of a few KB may declare thousands of pages.
  if (sniffed.kind == FileKind::Tiff) {
    input.image_pages = CountTiffPages(file.bytes, file.name, limits);
    if (input.image_pages > rules.max_pages)
      throw Refusal(RefusalReason::Pages,
                    TooManyPagesMessage(input.image_pages, rules.max_pages, rules.label),
                    file.name + ": " + std::to_string(input.image_pages) + " TIFF pages > " +
                        std::to_string(rules.max_pages));
  }
  // Before PoDoFo, qpdf, libvips or poppler decode or draw anything of it:
  // a PDF of a few KB can ask for hours of drawing.
  if (sniffed.kind == FileKind::Pdf) {
    input.drawing_measured = CheckDrawingBudget(file, limits).measured;
    RebuildIfRecovered(input);
  }
  return input;
}

// A PDF qpdf could not read at the door is measured as PoDoFo opened it
// (qpdf's repair of it, or PoDoFo's own writing of it), before anything of
// it is decoded or drawn: a file cannot slip past the drawing budget by
// being unreadable to one library only.
void MeasureAsOpened(SniffedInput& input, const OpenedPdf& opened, const HardLimits& limits) {
  if (input.drawing_measured) return;
  const std::string& name = input.file->name;
  std::string bytes = opened.rewritten.empty() ? WritePdf(*opened.doc) : opened.rewritten;
  if (!CheckDrawingBudget({name, bytes}, limits).measured)
    throw Refusal(RefusalReason::Corrupt, DamagedPdfMessage(name),
                  name + ": unreadable by qpdf, even as written by PoDoFo");
  input.drawing_measured = true;
}

// Opens a PDF input for a rung; the qpdf repair or decryption, done once,
// is reused by the next rungs.
OpenedPdf Reopen(SniffedInput& input, const HardLimits& limits) {
  if (!input.rewritten.empty()) {
    OpenedPdf opened = OpenPdf({input.file->name, input.rewritten}, limits);
    opened.repaired = input.repaired;
    opened.decrypted = input.decrypted;
    MeasureAsOpened(input, opened, limits);
    return opened;
  }
  OpenedPdf opened = OpenPdf(*input.file, limits);
  if (!opened.rewritten.empty()) {
    input.rewritten = opened.rewritten;
    input.repaired = opened.repaired;
    input.decrypted = opened.decrypted;
  }
  MeasureAsOpened(input, opened, limits);
  return opened;
}

InputReport ReportFor(const SniffedInput& input) {
  InputReport report;
  report.name = input.file->name;
  report.kind = FileKindCode(input.kind);
  report.bytes = input.file->bytes.size();
  return report;
}

InputReport ReportFor(const SniffedInput& input, const OpenedPdf& opened) {
  InputReport report = ReportFor(input);
  report.pages = opened.pages;
  report.repaired = opened.repaired;
  report.decrypted = opened.decrypted;
  return report;
}

// Builds the output for one rung of the ladder, filling `report`.
class RungBuild {
 public:
  RungBuild(std::vector<SniffedInput>& inputs, const HardLimits& limits, PieceProgress* progress,
            PieceReport& report)
      : inputs_(inputs), limits_(limits), progress_(progress), report_(report) {}

  std::string Render(const ImageTarget& target) {
    report_.inputs.clear();
    report_.signature_lost = false;
    report_.active_content_removed.clear();
    if (inputs_.size() == 1 && inputs_[0].kind == FileKind::Pdf) return RenderSinglePdf(target);
    PoDoFo::PdfMemDocument out;
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      CheckCancelled(progress_);
      if (progress_)
        progress_->OnStep("merge", static_cast<int>(i), static_cast<int>(inputs_.size()));
      AddInput(out, inputs_[i], target);
    }
    report_.pages = out.GetPageCount();
    try {
      return WritePdf(out);
    } catch (const PoDoFo::PdfError& error) {
      throw Refusal(RefusalReason::Corrupt, UnmergeableMessage(),
                    std::string("merge: ") + PoDoFo::PdfError::ErrorName(error.GetError()));
    }
  }

 private:
  std::string RenderSinglePdf(const ImageTarget& target) {
    std::string pdf;
    WithQpdfFallback(inputs_[0], [&] {
      report_.inputs.clear();
      pdf = RenderSinglePdfUnchecked(target);
    });
    return pdf;
  }

  std::string RenderSinglePdfUnchecked(const ImageTarget& target) {
    OpenedPdf opened = Reopen(inputs_[0], limits_);
    InputReport input = ReportFor(inputs_[0], opened);
    // A signed PDF comes this way only when it had to be repaired.
    if (HasSignature(*opened.doc)) report_.signature_lost = report_.signed_pdf = true;
    RemoveActiveContentFrom(*opened.doc);
    input.images = DownsampleScannedImages(*opened.doc, target, limits_, 1);
    report_.inputs.push_back(std::move(input));
    report_.pages = opened.pages;
    return WritePdf(*opened.doc);
  }

  // PoDoFo throws PdfError (not a std::exception) on objects it cannot
  // follow; name the file it came from.
  void AddInput(PoDoFo::PdfMemDocument& out, SniffedInput& sniffed, const ImageTarget& target) {
    WithQpdfFallback(sniffed, [&] { AddInputUnchecked(out, sniffed, target); });
  }

  // PoDoFo loads lazily and may stumble on an object only when merging or
  // writing; the file then goes through qpdf's reconstruction once more.
  template <typename Step>
  void WithQpdfFallback(SniffedInput& sniffed, const Step& step) {
    try {
      step();
      return;
    } catch (const PoDoFo::PdfError& error) {
      if (!sniffed.rewritten.empty()) throw DamagedInput(sniffed, error);
      QpdfRewrite rewrite = RewriteWithQpdf(sniffed.file->bytes, sniffed.file->name);
      sniffed.rewritten = std::move(rewrite.bytes);
      sniffed.repaired = true;
      sniffed.decrypted = rewrite.was_encrypted;
    }
    try {
      step();
    } catch (const PoDoFo::PdfError& error) {
      throw DamagedInput(sniffed, error);
    }
  }

  static Refusal DamagedInput(const SniffedInput& sniffed, const PoDoFo::PdfError& error) {
    return Refusal(RefusalReason::Corrupt, DamagedPdfMessage(sniffed.file->name),
                   sniffed.file->name + ": " + PoDoFo::PdfError::ErrorName(error.GetError()));
  }

  void AddInputUnchecked(PoDoFo::PdfMemDocument& out, SniffedInput& sniffed,
                         const ImageTarget& target) {
    InputReport input = ReportFor(sniffed);
    if (sniffed.kind == FileKind::Pdf) {
      OpenedPdf opened = Reopen(sniffed, limits_);
      input = ReportFor(sniffed, opened);
      if (HasSignature(*opened.doc)) report_.signature_lost = report_.signed_pdf = true;
      RemoveActiveContentFrom(*opened.doc);
      input.images = DownsampleScannedImages(*opened.doc, target, limits_, out.GetPageCount() + 1);
      out.Append(*opened.doc);
    } else {
      input.pages = sniffed.image_pages;
      for (int page = 0; page < sniffed.image_pages; ++page) {
        CheckCancelled(progress_);
        input.images.push_back(
            AddImagePage(out, *sniffed.file, sniffed.kind, target, limits_, page));
      }
    }
    report_.inputs.push_back(std::move(input));
  }

  // Nothing a candidate's PDF carries may run, launch, send or fetch
  // anything in the gestionnaire's viewer.
  void RemoveActiveContentFrom(PoDoFo::PdfMemDocument& doc) {
    std::vector<std::string>& all = report_.active_content_removed;
    for (std::string& kind : RemoveActiveContent(doc))
      if (std::find(all.begin(), all.end(), kind) == all.end()) all.push_back(std::move(kind));
    std::sort(all.begin(), all.end());
  }

  std::vector<SniffedInput>& inputs_;
  const HardLimits& limits_;
  PieceProgress* progress_;
  PieceReport& report_;
};

void CheckPages(const PieceReport& report, const PieceRules& rules) {
  if (report.pages > rules.max_pages)
    throw Refusal(RefusalReason::Pages,
                  TooManyPagesMessage(report.pages, rules.max_pages, rules.label),
                  std::to_string(report.pages) + " pages > " + std::to_string(rules.max_pages));
}

// A signed PDF alone is the pièce as it is; returns false when not signed.
bool KeepSigned(SniffedInput& input, const PieceRules& rules, const HardLimits& limits,
                PieceOutcome& outcome) {
  OpenedPdf opened = Reopen(input, limits);
  if (opened.repaired || !HasSignature(*opened.doc)) return false;
  PieceReport& report = outcome.report;
  report.signed_pdf = report.kept_original = true;
  report.active_content_kept = FindActiveContent(*opened.doc);
  report.pages = opened.pages;
  report.inputs.push_back(ReportFor(input, opened));
  CheckPages(report, rules);
  std::uint64_t size = input.file->bytes.size();
  if (size > rules.max_bytes)
    throw Refusal(RefusalReason::Size, SignedTooLargeMessage(size, rules.max_bytes),
                  "signed PDF of " + std::to_string(size) + " bytes");
  outcome.pdf = input.file->bytes;
  return true;
}

// The highest image resolution in the output: what the rung actually gave
// (shrink-on-load often lands below the rung's target), or the rung's target
// when there is no image.
int ReachedDpi(const PieceReport& report, const ImageTarget& rung) {
  double reached = 0;
  for (const InputReport& input : report.inputs)
    for (const ImageStat& image : input.images) reached = std::max(reached, image.dpi_after);
  return reached > 0 ? static_cast<int>(reached + 0.5) : rung.dpi;
}

// The output is the gestionnaire's copy: a page that cannot be shown is
// refused now, naming the file and its page, rather than found "illisible"
// after the deadline.
// A structural slip in the written file (a page listed twice in the tree, an
// xref PoDoFo got wrong) is mended by a qpdf rewrite; a content stream that
// cannot be decoded stays broken and is refused.
void EnsurePagesReadable(std::string& pdf, const PieceReport& report) {
  std::optional<PageDefect> defect = FindUnreadablePage(pdf);
  if (!defect) return;
  try {
    std::string mended = RewriteWithQpdf(pdf, "output").bytes;
    std::optional<PageDefect> left = FindUnreadablePage(mended);
    if (!left) {
      pdf = std::move(mended);
      return;
    }
    defect = left;
  } catch (const Refusal&) {
  }
  std::string name = report.inputs.empty() ? "" : report.inputs.front().name;
  int page_in_file = defect->page;
  for (const InputReport& input : report.inputs) {
    name = input.name;
    if (page_in_file <= input.pages) break;
    page_in_file -= input.pages;
  }
  throw Refusal(RefusalReason::Corrupt, DamagedPageMessage(name, page_in_file),
                name + ": page " + std::to_string(page_in_file) + ": " + defect->what);
}

IneReport CheckPieceIne(const std::string& pdf, const PieceRules& rules, const PieceReport& report,
                        IneReader& reader) {
  IneCheckOptions options;
  options.declared = rules.declared_ine;
  options.page_dpi = PageImageDpis(report);
  return CheckIne(pdf, options, reader);
}

bool Legible(const IneReport& ine) {
  return ine.verdict == "conforme" || ine.verdict == "different" || ine.verdict == "non_verifie";
}

bool Downsampled(const PieceReport& report) {
  for (const InputReport& input : report.inputs)
    for (const ImageStat& image : input.images)
      if (image.dpi_after < image.dpi_before * 0.97) return true;
  return false;
}

// The check runs on what the gestionnaire will see. When downsampling made
// an INE unreadable, the pièce is rendered once more at 300 dpi: kept when
// it is legible there and still fits, reported otherwise.
void CheckIneKeepingItLegible(RungBuild& build, std::string& pdf, const PieceRules& rules,
                              PieceReport& report, IneReader& reader) {
  report.ine = CheckPieceIne(pdf, rules, report, reader);
  if (Legible(report.ine) || !Downsampled(report)) return;
  ImageTarget sharp = rules.image;
  sharp.dpi = std::max(sharp.dpi, 300);
  sharp.jpeg_quality = std::max(sharp.jpeg_quality, 90);
  PieceReport before = report;
  std::string sharper = build.Render(sharp);
  IneReport again = CheckPieceIne(sharper, rules, report, reader);
  if (Legible(again) && sharper.size() <= rules.max_bytes) {
    pdf = std::move(sharper);
    report.ine = again;
    report.fit.dpi = ReachedDpi(report, sharp);
    report.fit.jpeg_quality = sharp.jpeg_quality;
    return;
  }
  IneReport verdict = before.ine;
  report = std::move(before);
  if (Legible(again))
    report.detail =
        "INE legible at 300 dpi (" + again.value + ") but the pièce is then over the limit";
  report.ine = verdict;
}

void Assemble(std::vector<SniffedInput>& inputs, const PieceRules& rules, const HardLimits& limits,
              PieceProgress* progress, IneReader* ine_reader, PieceOutcome& outcome) {
  PieceReport& report = outcome.report;
  if (inputs.size() == 1 && inputs[0].kind == FileKind::Pdf &&
      KeepSigned(inputs[0], rules, limits, outcome)) {
    if (rules.check_ine && ine_reader)
      report.ine = CheckPieceIne(outcome.pdf, rules, report, *ine_reader);
    return;
  }
  RungBuild build(inputs, limits, progress, report);
  std::vector<ImageTarget> ladder = FitLadder(rules.image);
  bool pages_checked = false;
  FitResult fit = FitToLimit(
      [&](const ImageTarget& target) {
        CheckCancelled(progress);
        std::string pdf = build.Render(target);
        if (!pages_checked) CheckPages(report, rules);
        pages_checked = true;
        return pdf;
      },
      rules.max_bytes, ladder);
  report.fit = {static_cast<int>(fit.rung), fit.attempts, ReachedDpi(report, ladder[fit.rung]),
                ladder[fit.rung].jpeg_quality};
  if (!fit.fits)
    throw Refusal(RefusalReason::Size, TooLargeMessage(fit.pdf.size(), rules.max_bytes),
                  "smallest output " + std::to_string(fit.pdf.size()) + " bytes at " +
                      std::to_string(report.fit.dpi) + " dpi, JPEG quality " +
                      std::to_string(report.fit.jpeg_quality));
  EnsurePagesReadable(fit.pdf, report);
  if (fit.pdf.size() > rules.max_bytes)  // a qpdf mend may add a few bytes
    throw Refusal(RefusalReason::Size, TooLargeMessage(fit.pdf.size(), rules.max_bytes),
                  "mended output of " + std::to_string(fit.pdf.size()) + " bytes");
  if (rules.check_ine && ine_reader) {
    if (progress) progress->OnStep("ine", 0, 1);
    CheckIneKeepingItLegible(build, fit.pdf, rules, report, *ine_reader);
  }
  outcome.pdf = std::move(fit.pdf);
}

void Refuse(PieceOutcome& outcome, const Refusal& refusal) {
  outcome.report.accepted = false;
  outcome.report.reason = refusal.reason();
  outcome.report.message = refusal.message_fr();
  outcome.report.detail = refusal.context();
  outcome.pdf.clear();
}

}  // namespace

PieceOutcome ProcessPiece(const std::vector<InputFile>& inputs, const PieceRules& rules,
                          const HardLimits& limits, PieceProgress* progress,
                          IneReader* ine_reader) {
  auto start = std::chrono::steady_clock::now();
  QuietPodofo();
  PieceOutcome outcome;
  PieceReport& report = outcome.report;
  report.piece_type = rules.code;
  report.max_bytes = rules.max_bytes;
  for (const InputFile& file : inputs) report.input_bytes += file.bytes.size();
  try {
    if (inputs.empty()) throw Refusal(RefusalReason::Empty, NoFileMessage(), "no input file");
    std::vector<SniffedInput> sniffed;
    for (const InputFile& file : inputs) sniffed.push_back(SniffOne(file, rules, limits));
    Assemble(sniffed, rules, limits, progress, ine_reader, outcome);
    report.accepted = true;
    report.output_bytes = outcome.pdf.size();
    report.message = AcceptedMessage(report, inputs.size());
  } catch (const Refusal& refusal) {
    Refuse(outcome, refusal);
  } catch (const PoDoFo::PdfError& error) {
    Refuse(outcome,
           Refusal(RefusalReason::Corrupt, UnmergeableMessage(),
                   std::string("PoDoFo: ") + PoDoFo::PdfError::ErrorName(error.GetError())));
  } catch (const std::bad_alloc&) {
    Refuse(outcome, Refusal(RefusalReason::Limits, OutOfMemoryMessage(), "memory limit reached"));
  }
  report.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

}  // namespace dossier
