#pragma once

#include <stdexcept>
#include <string>

namespace dossier {

// Hooks into a long pièce: progress for the candidate's status line, and
// cancellation (a shutdown, a timeout) polled between files and between
// rungs of the fit ladder.
class PieceProgress {
 public:
  virtual ~PieceProgress() = default;
  virtual void OnStep(const std::string& step, int done, int total) {
    (void)step, (void)done, (void)total;
  }
  virtual bool Cancelled() const { return false; }
};

// Thrown out of ProcessPiece when PieceProgress::Cancelled() says so.
class PieceCancelled : public std::runtime_error {
 public:
  PieceCancelled() : std::runtime_error("pièce processing cancelled") {}
};

}  // namespace dossier
