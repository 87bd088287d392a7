#pragma once

#include <string>
#include <vector>

#include "core/input/InputFile.h"
#include "core/report/PieceReport.h"
#include "core/report/PieceRules.h"
#include "processors/core/HardLimits.h"
#include "processors/pipeline/PieceProgress.h"

namespace dossier {

class IneReader;

struct PieceOutcome {
  PieceReport report;
  std::string pdf;  // empty when refused
};

// The whole pipeline for one pièce: sniff every file, turn images into
// pages, downsample scans, merge in upload order, fit the byte limit. A
// signed PDF uploaded alone is kept byte for byte. Refusals come back in the
// report (never as exceptions); PieceCancelled and internal errors
// (std::exception) propagate. Must run where untrusted input is allowed to
// crash: a worker process.
// `ine_reader` does the INE check when `rules.check_ine` asks for it (the
// verdict stays `non_verifie` without one).
PieceOutcome ProcessPiece(const std::vector<InputFile>& inputs, const PieceRules& rules,
                          const HardLimits& limits = {}, PieceProgress* progress = nullptr,
                          IneReader* ine_reader = nullptr);

}  // namespace dossier
