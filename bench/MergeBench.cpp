// The merge, on the reference dossier: OpenPdf (each uploaded PDF), the
// PoDoFo Append that copies an opened PDF into the pièce's output when it is
// merged with other files, and WritePdf, which serialises the merged pièce
// (the three pages of bulletins, the identite pair, each PDF pièce). The
// pages themselves are AddImagePage's rows (ImagePageBench.cpp).
#include <benchmark/benchmark.h>
#include <podofo/podofo.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/ProcessorBench.h"
#include "core/report/Refusal.h"
#include "processors/image/ImagePage.h"
#include "processors/pdf/PdfOpen.h"
#include "processors/pdf/PdfWrite.h"
#include "processors/pdf/ScannedPageImages.h"

namespace dossier::bench {
namespace {

// The pièces whose files are PDFs: they go through OpenPdf, and through
// Append when merged with other files.
const std::vector<std::string> kPdfPieces = {"cv", "lettre_motivation", "releve_bac"};

void BM_OpenPdf(benchmark::State& state, const std::string& code, int position) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  const InputFile& file = piece->files[position - 1];
  OpenedPdf opened;
  try {
    for (auto _ : state) {
      opened = OpenPdf(file, kProductionLimits);
      benchmark::DoNotOptimize(opened.pages);
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((file.name + ": " + refusal.context()).c_str());
    return;
  }
  state.SetLabel(file.name);
  state.counters["input_bytes"] = static_cast<double>(file.bytes.size());
  state.counters["pages"] = opened.pages;
  state.counters["repaired"] = opened.repaired ? 1 : 0;
}

void BM_PdfAppend(benchmark::State& state, const std::string& code, int position) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  const InputFile& file = piece->files[position - 1];
  // A fresh output and source each iteration (PoDoFo loads objects on demand
  // and Append reads them all), made and freed while the timer is paused.
  std::unique_ptr<PoDoFo::PdfMemDocument> merged;
  OpenedPdf opened;
  try {
    for (auto _ : state) {
      state.PauseTiming();
      merged = std::make_unique<PoDoFo::PdfMemDocument>();
      opened = OpenPdf(file, kProductionLimits);
      state.ResumeTiming();
      merged->Append(*opened.doc);
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((file.name + ": " + refusal.context()).c_str());
    return;
  }
  if (!merged || merged->GetPageCount() != opened.pages) {
    state.SkipWithError((file.name + ": pages lost in the append").c_str());
    return;
  }
  state.SetLabel(file.name);
  state.counters["pages"] = opened.pages;
}

// The pièce's output before it is written, as the first rung of the
// pipeline builds it: a lone PDF opened and its scans downsampled, or every
// upload appended page by page.
struct MergedPiece {
  OpenedPdf single_pdf;
  std::unique_ptr<PoDoFo::PdfMemDocument> merged;

  PoDoFo::PdfMemDocument& doc() { return merged ? *merged : *single_pdf.doc; }
};

MergedPiece MergeFirstRung(const ReferencePiece& piece) {
  MergedPiece built;
  if (piece.files.size() == 1 && piece.kinds.front() == FileKind::Pdf) {
    built.single_pdf = OpenPdf(piece.files.front(), kProductionLimits);
    DownsampleScannedImages(*built.single_pdf.doc, piece.rules.image, kProductionLimits, 1);
    return built;
  }
  built.merged = std::make_unique<PoDoFo::PdfMemDocument>();
  for (std::size_t i = 0; i < piece.files.size(); ++i) {
    if (piece.kinds[i] == FileKind::Pdf) {
      OpenedPdf opened = OpenPdf(piece.files[i], kProductionLimits);
      built.merged->Append(*opened.doc);
    } else {
      AddImagePage(*built.merged, piece.files[i], piece.kinds[i], piece.rules.image,
                   kProductionLimits);
    }
  }
  return built;
}

void BM_PdfWrite(benchmark::State& state, const std::string& code) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  std::string pdf;
  int pages = 0;
  try {
    MergedPiece built = MergeFirstRung(*piece);
    pages = built.doc().GetPageCount();
    for (auto _ : state) {
      pdf = WritePdf(built.doc());
      benchmark::DoNotOptimize(pdf.data());
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((code + ": " + refusal.context()).c_str());
    return;
  } catch (const PoDoFo::PdfError& error) {
    state.SkipWithError((code + ": " + PoDoFo::PdfError::ErrorName(error.GetError())).c_str());
    return;
  }
  if (pdf.size() > piece->rules.max_bytes) {
    state.SkipWithError(
        (code + ": " + std::to_string(pdf.size()) + " bytes, over the limit").c_str());
    return;
  }
  state.counters["output_bytes"] = static_cast<double>(pdf.size());
  state.counters["pages"] = pages;
}

void RegisterMergeBenchmarks() {
  RegisterPerFile("OpenPdf", kPdfPieces, BM_OpenPdf, benchmark::kMillisecond);
  RegisterPerFile("PdfAppend", kPdfPieces, BM_PdfAppend, benchmark::kMillisecond);
  for (const PieceLayout& piece : kReferenceLayout) {
    TimeLikePipeline(benchmark::RegisterBenchmark(("PdfWrite/" + std::string(piece.code)).c_str(),
                                                  BM_PdfWrite, std::string(piece.code)),
                     benchmark::kMillisecond);
  }
}

[[maybe_unused]] const bool kMergeRegistered = (RegisterMergeBenchmarks(), true);

}  // namespace
}  // namespace dossier::bench
