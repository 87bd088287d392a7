#include "processors/ine/IneCheck.h"

#include <algorithm>
#include <cctype>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneLookalikes.h"
#include "processors/ine/IneReader.h"
#include "processors/ine/IneTokens.h"
#include "processors/ine/PopplerPages.h"

namespace dossier {
namespace {

constexpr std::size_t kScanTextChars = 30;  // fewer text-layer characters: a scan
constexpr double kDefaultScanDpi = 200;

IneReport Found(const std::string& value, IneVariant variant, const char* source, double confidence,
                int page, const std::string& declared) {
  IneReport report;
  report.value = value;
  report.variant = IneVariantCode(variant);
  report.source = source;
  report.confidence = confidence;
  report.page = page;
  std::string expected = NormaliseIne(declared);
  report.verdict = expected.empty() ? "non_verifie" : value == expected ? "conforme" : "different";
  return report;
}

IneReport Unreadable(const char* source, double confidence, int page) {
  IneReport report;
  report.verdict = "illisible";
  report.source = source;
  report.confidence = confidence;
  report.page = page;
  return report;
}

bool HasLetterAndDigit(const std::string& token) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return std::any_of(token.begin(), token.end(), digit) &&
         !std::all_of(token.begin(), token.end(), digit);
}

std::size_t VisibleChars(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !std::isspace(static_cast<unsigned char>(c));
  }));
}

// The text layer: exact characters, no OCR. Fills `scans` with the pages
// that have none (to be read by OCR) and says whether an INE label was seen.
std::optional<IneReport> FromTextLayer(const PopplerPages& pages, const IneCheckOptions& options,
                                       std::vector<int>& scans, bool& label_seen) {
  for (int page = 0; page < pages.count(); ++page) {
    std::string text = pages.Text(page);
    if (VisibleChars(text) < kScanTextChars) {
      scans.push_back(page);
      continue;
    }
    bool labelled = HasIneAnchor(text);
    label_seen = label_seen || labelled;
    for (const std::string& token : FindIneTokens(text)) {
      IneValidation valid = ValidateIne(token);
      // Without a label, a number of digits only is a file or phone number.
      if (valid.valid && (labelled || HasLetterAndDigit(token)))
        return Found(token, *valid.variant, "text", 1.0, page + 1, options.declared);
    }
  }
  return std::nullopt;
}

// Another INE than the declared one, read through look-alikes: a mistyped
// declaration keeps the shape of the printed INE (its letters and digits
// where they are), which picks the likelier of the readings to show.
void ShowInDeclaredShape(IneReport& found, const std::string& raw, const std::string& declared) {
  std::string expected = NormaliseIne(declared);
  std::string shaped = BestReading(raw, expected);
  IneValidation valid = ValidateIne(shaped);
  if (!valid.valid || shaped == expected) return;
  found.value = shaped;
  found.variant = IneVariantCode(*valid.variant);
}

double ScanDpi(const IneCheckOptions& options, int page) {
  double dpi = page < static_cast<int>(options.page_dpi.size()) ? options.page_dpi[page] : 0;
  return std::clamp(dpi > 0 ? dpi : kDefaultScanDpi, 150.0, 300.0);
}

}  // namespace

IneReport CheckIne(const std::string& pdf, const IneCheckOptions& options, IneReader& reader) {
  std::unique_ptr<PopplerPages> pages;
  try {
    pages = std::make_unique<PopplerPages>(pdf);
  } catch (const std::exception&) {
    return Unreadable("text", -1, 0);
  }
  std::vector<int> scans;
  bool label_seen = false;
  if (std::optional<IneReport> found = FromTextLayer(*pages, options, scans, label_seen))
    return *found;
  std::optional<IneReport> unreadable;
  if (label_seen) unreadable = Unreadable("text", -1, 0);
  int read = 0;
  for (int page : scans) {
    if (read++ >= options.max_ocr_pages) break;
    double dpi = pages->RenderableDpi(page, ScanDpi(options, page));
    IneOcrResult ocr = reader.ReadPage(pages->Render(page, dpi), dpi, options.declared);
    if (ocr.read && !ocr.read->value.empty() &&
        ocr.read->min_confidence >= options.min_confidence) {
      IneReport found = Found(ocr.read->value, ocr.read->variant, "ocr",
                              ocr.read->min_confidence / 100.0, page + 1, options.declared);
      if (found.verdict == "different") ShowInDeclaredShape(found, ocr.read->raw, options.declared);
      // A valid reading that differs only where a letter and a digit meet
      // may be a misread that passes a key by chance (one in 23 for BEA):
      // unreadable, not a finding against the candidate.
      if (found.verdict != "different" ||
          ShowsAnotherIne(ocr.read->value, NormaliseIne(options.declared)) ||
          !ValidateIne(NormaliseIne(options.declared)).valid)
        return found;
      if (!unreadable) unreadable = Unreadable("ocr", ocr.read->min_confidence / 100.0, page + 1);
      continue;
    }
    // A letter may not read, but a digit that is clearly another digit is
    // enough to know the document shows another INE than the declared one.
    if (ocr.read && ocr.read->value.empty() && ocr.read->min_confidence >= options.min_confidence &&
        ShowsAnotherIne(ocr.read->raw, NormaliseIne(options.declared))) {
      std::string expected = NormaliseIne(options.declared);
      IneReport report = Found(BestReading(ocr.read->raw, expected), *ValidateIne(expected).variant,
                               "ocr", ocr.read->min_confidence / 100.0, page + 1, options.declared);
      report.verdict = "different";
      return report;
    }
    // A label, a number that does not read, or a page that does not read
    // at all: the INE may be there, nobody can tell.
    if ((ocr.anchor || ocr.read || !ocr.legible_page) && !unreadable)
      unreadable = Unreadable("ocr", ocr.read ? ocr.read->min_confidence / 100.0 : -1, page + 1);
  }
  if (unreadable) return *unreadable;
  IneReport absent;
  absent.verdict = "absent";
  return absent;
}

}  // namespace dossier
