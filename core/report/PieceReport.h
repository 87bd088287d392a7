#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/report/ImageStat.h"
#include "core/report/Refusal.h"

namespace dossier {

// One uploaded file as the pipeline saw it.
struct InputReport {
  std::string name;
  std::string kind;  // FileKindCode
  std::uint64_t bytes = 0;
  int pages = 0;
  bool repaired = false;
  bool decrypted = false;
  std::vector<ImageStat> images;
};

// The INE check's verdict (filled by the INE check; `non_verifie` until then).
struct IneReport {
  std::string verdict = "non_verifie";
  std::string value;
  std::string variant;
  std::string source;
  double confidence = -1;  // < 0: none
  int page = 0;            // 0: none
};

// Which rung of the fit-to-limit ladder produced the output.
struct FitReport {
  int rung = 0;
  int attempts = 0;
  int dpi = 0;
  int jpeg_quality = 0;
};

// Everything the pipeline did to one pièce; the CLI prints it as JSON, the
// job child sends it to its worker as JSON, the worker stores it.
struct PieceReport {
  bool accepted = false;
  std::optional<RefusalReason> reason;
  std::string message;  // French, for the candidate
  std::string detail;   // technical context, for logs and gestionnaires
  std::string piece_type;
  std::uint64_t max_bytes = 0;
  std::uint64_t input_bytes = 0;
  std::uint64_t output_bytes = 0;
  int pages = 0;
  IneReport ine;
  bool signed_pdf = false;
  bool kept_original = false;
  bool signature_lost = false;
  // What the output no longer carries (ActiveContent.h's codes), and what a
  // signed PDF kept as it is still carries: its viewer must not run it.
  std::vector<std::string> active_content_removed;
  std::vector<std::string> active_content_kept;
  FitReport fit;
  std::vector<InputReport> inputs;
  double elapsed_ms = 0;

  // The contract's JSON object, in its order: {"status", "reason",
  // "message", "piece_type", "max_bytes", "input_bytes", "output_bytes",
  // "pages", "ine", "signed", "kept_original", "signature_lost",
  // "active_content_removed", "active_content_kept", "fit", "inputs",
  // "detail", "elapsed_ms"}; "" and the "none" values above are null.
  std::string ToJson() const;
  // The report ToJson wrote, field by field. Throws JsonParseError (which
  // key, what was expected) for anything else.
  static PieceReport FromJson(const std::string& json);
};

// Resolution of each output page's images (0 for a page without one): what
// the INE check renders a scanned page at.
std::vector<double> PageImageDpis(const PieceReport& report);

}  // namespace dossier
