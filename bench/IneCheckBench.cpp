// Google Benchmark of the INE check, one core: CheckIne on the PDF a pièce's
// pipeline produces, for a born-digital PDF, a 300-dpi scan and a phone
// photo, beside plain Tesseract reading the whole page in the same run.
#include "bench/IneCheckBench.h"

#include <benchmark/benchmark.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>
#include <vips/vips8>

#include "core/input/InputFile.h"
#include "core/report/PieceReport.h"
#include "core/report/PieceRules.h"
#include "core/report/Refusal.h"
#include "processors/ine/IneCheck.h"
#include "processors/ine/IneReader.h"
#include "processors/ine/PopplerPages.h"
#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/PhonePhotoJpeg.h"
#include "tests/fixtures/ReferenceDossier.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/fixtures/ScannedPdf.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier::bench {
namespace {

// The INE printed on every page, and declared by the candidate: the check
// must answer `conforme`.
const char kIne[] = "1234567890V";

// What the check does with a page's image resolution (IneCheck.cpp,
// ScanDpi): the report's dpi, 200 when unknown, held to 150–300. Repeated
// here so the whole-page peer renders exactly what the check renders.
constexpr double kCheckDefaultDpi = 200, kCheckMinDpi = 150, kCheckMaxDpi = 300;
constexpr std::size_t kScanTextChars = 30;  // IneCheck.cpp: fewer text-layer characters, a scan

// How a case's uploaded files are made.
using MakeInputs = std::vector<InputFile> (*)();

std::vector<InputFile> TextPdfInputs() {
  return {{"releve_bac.pdf", fixtures::BornDigitalPdf({fixtures::ReleveNotesBacLines(kIne)})}};
}

// The reference dossier's releve_bac page (grey, sensor noise, 0.35° skew),
// scanned at 300 dpi instead of 600.
std::vector<InputFile> ScanInputs() {
  fixtures::TextPageSpec spec = fixtures::ReleveBacScanSpec(kIne);
  spec.dpi = 300;
  return {{"releve_bac_scan.pdf", fixtures::ScannedPdf(spec, fixtures::kReleveBacJpegQuality)}};
}

std::vector<InputFile> PhonePhotoInputs() {
  return {
      {"IMG_20240615_101203.jpg", fixtures::PhonePhotoJpeg(fixtures::ReleveNotesBacLines(kIne))}};
}

// One case, as the check sees it in production: the pièce's output PDF and
// the resolution of each page's image from the pipeline's report.
struct IneCase {
  IneCase(std::string case_name, MakeInputs make) : name(std::move(case_name)), make_inputs(make) {}

  std::string name;
  MakeInputs make_inputs;
  bool prepared = false;
  std::string error;             // preparation failed: every row of the case says why
  std::string pdf;               // ProcessPiece's output, releve_bac rules, no INE check
  std::vector<double> page_dpi;  // inputs[].images[].dpi_after per page (0: no image)
  bool scanned = false;          // page 1 has no text layer: the check runs OCR on it
  double check_dpi = 0;          // the dpi the check renders page 1 at when scanned
  int lines_read = 0;            // lines the reader recognised to find the INE on page 1
};

IneReader& Reader() {
  static IneReader reader;  // ~150 ms to load: once, outside every timed loop
  return reader;
}

// The same engine as the reader's (French, LSTM only), for the peer.
tesseract::TessBaseAPI& WholePageEngine() {
  static const std::unique_ptr<tesseract::TessBaseAPI> api = [] {
    auto engine = std::make_unique<tesseract::TessBaseAPI>();
    engine->SetVariable("debug_file", "/dev/null");
    if (engine->Init(nullptr, "fra", tesseract::OEM_LSTM_ONLY) != 0)
      throw std::runtime_error("Tesseract: the French model (tesseract-ocr-fra) cannot be loaded");
    return engine;
  }();
  return *api;
}

std::size_t VisibleChars(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !std::isspace(static_cast<unsigned char>(c));
  }));
}

void Build(IneCase& c) {
  const std::vector<InputFile> inputs = c.make_inputs();
  PieceRules rules = PiecePolicy::BuiltIn().RulesFor("releve_bac");
  rules.check_ine = false;  // the check is what is timed, on the output below
  rules.declared_ine.clear();
  PieceOutcome outcome = ProcessPiece(inputs, rules);
  if (!outcome.report.accepted || outcome.pdf.empty()) {
    c.error = c.name + ": the pipeline refused the pièce (" +
              (outcome.report.reason ? std::string(ReasonCode(*outcome.report.reason)) : "?") +
              "): " + outcome.report.detail;
    return;
  }
  c.pdf = std::move(outcome.pdf);
  c.page_dpi = PageImageDpis(outcome.report);
  PopplerPages pages(c.pdf);
  c.scanned = VisibleChars(pages.Text(0)) < kScanTextChars;
  const double dpi = c.page_dpi.empty() ? 0 : c.page_dpi[0];
  c.check_dpi = std::clamp(dpi > 0 ? dpi : kCheckDefaultDpi, kCheckMinDpi, kCheckMaxDpi);
  // The reader's cost in lines, once, untimed (CheckIne does not report it).
  if (c.scanned)
    c.lines_read = Reader().ReadPage(pages.Render(0, c.check_dpi), c.check_dpi).lines_read;
}

// The case's inputs, built on first use (not timed: before the loop). A
// failure is kept and reported by every row of the case.
const IneCase* Prepare(benchmark::State& state, IneCase& c) {
  if (!c.prepared) {
    c.prepared = true;
    try {
      Build(c);
    } catch (const std::exception& error) {
      c.error = c.name + ": " + error.what();
    }
  }
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return nullptr;
  }
  return &c;
}

// The check as the pipeline runs it on the pièce's output: text layer first,
// then OCR of the scanned page; one reader, reused.
void BM_IneCheck(benchmark::State& state, IneCase* ine_case) {
  const IneCase* c = Prepare(state, *ine_case);
  if (!c) return;
  IneReader* reader = nullptr;
  try {
    reader = &Reader();
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
    return;
  }
  IneCheckOptions options;
  options.declared = kIne;
  options.page_dpi = c->page_dpi;
  IneReport last;
  for (auto _ : state) {
    IneReport report = CheckIne(c->pdf, options, *reader);
    benchmark::DoNotOptimize(report.verdict.data());
    // A fast wrong answer is no answer.
    if (report.verdict != "conforme") {
      const std::string problem = c->name + ": verdict " + report.verdict + " (read '" +
                                  report.value + "', source " + report.source + ", confidence " +
                                  std::to_string(report.confidence) + ")";
      state.SkipWithError(problem.c_str());
      break;
    }
    last = std::move(report);
  }
  if (state.error_occurred()) return;
  state.counters["confidence"] = last.confidence;
  state.counters["ocr"] = last.source == "ocr" ? 1 : 0;
  state.counters["dpi"] = c->scanned ? c->check_dpi : 0;
  state.counters["lines_read"] = c->lines_read;
}

// The text without white space: a line break inside the number is still a read.
std::string CompactText(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(),
                            [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); }),
             text.end());
  return text;
}

// What Tesseract read after the INE label, for the error message.
std::string AfterLabel(const std::string& text) {
  const std::size_t label = text.find("INE");
  if (label == std::string::npos) return "no INE label";
  std::string after = text.substr(label, 24);
  std::replace(after.begin(), after.end(), '\n', ' ');
  return after;
}

// The peer: what `tesseract page.png -` does (page segmentation PSM_AUTO,
// every line recognised), minus the process start and the model load, on
// the page rendered by poppler at `dpi` (0: the dpi the check renders at).
void BM_WholePageTesseract(benchmark::State& state, IneCase* ine_case, double dpi) {
  const IneCase* c = Prepare(state, *ine_case);
  if (!c) return;
  if (dpi <= 0) dpi = c->check_dpi;
  tesseract::TessBaseAPI* api = nullptr;
  try {
    api = &WholePageEngine();
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
    return;
  }
  std::size_t chars = 0;
  int width = 0, height = 0;
  for (auto _ : state) {
    // Opening and rendering are timed, as in the check.
    const PopplerPages pages(c->pdf);
    const vips::VImage page = pages.Render(0, dpi);  // 8-bit grey, in memory
    width = page.width();
    height = page.height();
    api->SetImage(static_cast<const unsigned char*>(page.data()), width, height, 1, width);
    api->SetSourceResolution(static_cast<int>(dpi + 0.5));
    api->SetPageSegMode(tesseract::PSM_AUTO);
    const std::unique_ptr<char[]> text(api->GetUTF8Text());
    const std::string read = text ? text.get() : "";
    chars = read.size();
    if (CompactText(read).find(kIne) == std::string::npos) {
      state.SkipWithError((c->name + ": the whole page's text does not contain " + kIne +
                           " (after the label: '" + AfterLabel(read) + "')")
                              .c_str());
      break;
    }
  }
  api->Clear();
  if (state.error_occurred()) return;
  state.counters["dpi"] = dpi;
  state.counters["pixels"] = static_cast<double>(width) * height;
  state.counters["chars"] = static_cast<double>(chars);
}

}  // namespace

void RegisterIneCheckBenchmarks() {
  // Kept for the life of the process: the benchmarks hold pointers into it.
  // Same clocks as ReferenceDossierBench: wall time, whole-process CPU.
  static IneCase text_pdf{"text_pdf", TextPdfInputs};
  static IneCase scan{"scan", ScanInputs};
  static IneCase phone_photo{"phone_photo", PhonePhotoInputs};
  for (IneCase* c : {&text_pdf, &scan, &phone_photo}) {
    benchmark::RegisterBenchmark(("IneCheck/" + c->name).c_str(), BM_IneCheck, c)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime();
  }
  for (IneCase* c : {&scan, &phone_photo}) {
    benchmark::RegisterBenchmark(("WholePageTesseract/" + c->name).c_str(), BM_WholePageTesseract,
                                 c, 0.0)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime();
    benchmark::RegisterBenchmark(("WholePageTesseract/" + c->name + "_300dpi").c_str(),
                                 BM_WholePageTesseract, c, 300.0)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime();
  }
}

}  // namespace dossier::bench
