// The command-line peer: what a university script does with the same files,
// one shell chain per pièce — img2pdf for images, Ghostscript pdfwrite
// downsampling to 200 dpi, qpdf to merge, and for releve_bac the INE looked
// up by OCR of the page (pdftoppm -r 300 -gray, tesseract -l fra) — two
// dossiers at a time.
#pragma once

#include <string>
#include <vector>

#include "bench/deadline-sim/ReferencePieces.h"

namespace dossier::sim {

struct PeerResult {
  int dossiers = 0;
  int threads = 0;
  double wall_s = 0;
  int failed_pieces = 0;
  int ine_found = 0;              // releve_bac pages whose OCR text holds the INE
  std::vector<double> dossier_s;  // each dossier's own time

  double DossiersPerSecond() const { return wall_s > 0 ? dossiers / wall_s : 0; }
};

// The shell command that processes one pièce into OUT_DIR/<code>.pdf, its
// intermediate files in WORK_DIR; for releve_bac it also writes the OCR text
// to OUT_DIR/releve_bac.txt.
std::string PeerPieceCommand(const PieceUpload& piece, const std::string& work_dir,
                             const std::string& out_dir);

// Runs `dossiers` reference dossiers through the peer on `threads` threads.
PeerResult RunPeer(const std::vector<PieceUpload>& pieces, int dossiers, int threads = 2);

}  // namespace dossier::sim
