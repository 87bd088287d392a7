#include "bench/deadline-sim/DossierLedger.h"

namespace dossier::sim {

bool DossierTrack::Completed(std::size_t piece_count) const {
  if (done_s < 0 || pieces.size() != piece_count) return false;
  for (const auto& [code, piece] : pieces)
    if (piece.acked_s < 0 || piece.result_s < 0) return false;
  return true;
}

void DossierLedger::UploadSent(std::size_t index, const std::string& code, double sent_s) {
  std::lock_guard<std::mutex> lock(mutex_);
  DossierTrack& dossier = dossiers_[index];
  if (dossier.started_s < 0) dossier.started_s = sent_s;
  dossier.pieces[code].sent_s = sent_s;
}

void DossierLedger::UploadAnswered(std::size_t index, const std::string& code, int status,
                                   double at_s, double wait_after_body_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  PieceTiming& piece = dossiers_[index].pieces[code];
  piece.status = status;
  if (status != 202) return;
  piece.acked_s = at_s;
  piece.ack_wait_ms = wait_after_body_ms;
}

void DossierLedger::UploadsFinished(std::size_t index, double at_s) {
  std::lock_guard<std::mutex> lock(mutex_);
  dossiers_[index].uploads_finished = true;
  dossiers_[index].uploads_end_s = at_s;
}

bool DossierLedger::Waiting(const DossierTrack& dossier) const {
  if (dossier.done_s >= 0 || dossier.timed_out) return false;
  for (const auto& [code, piece] : dossier.pieces)
    if (piece.acked_s >= 0) return true;
  return false;
}

std::vector<std::size_t> DossierLedger::Watched() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::size_t> watched;
  for (std::size_t i = 0; i < dossiers_.size(); ++i)
    if (Waiting(dossiers_[i])) watched.push_back(i);
  return watched;
}

std::map<std::string, std::string> DossierLedger::RecordView(
    std::size_t index, const std::map<std::string, PieceView>& view, double at_s) {
  std::lock_guard<std::mutex> lock(mutex_);
  DossierTrack& dossier = dossiers_[index];
  std::map<std::string, std::string> newly;
  bool all_done = dossier.uploads_finished;
  for (auto& [code, piece] : dossier.pieces) {
    if (piece.acked_s < 0) continue;
    auto seen = view.find(code);
    bool processed = seen != view.end() && (seen->second.processing == "done" ||
                                            seen->second.processing == "unprocessable");
    if (processed && piece.result_s < 0) {
      piece.result_s = at_s;
      piece.outcome =
          seen->second.processing == "unprocessable" ? "unprocessable" : seen->second.report_status;
      newly[code] = piece.outcome;
    }
    all_done = all_done && piece.result_s >= 0;
  }
  if (all_done) dossier.done_s = at_s;
  return newly;
}

void DossierLedger::TimeOut(std::size_t index) {
  std::lock_guard<std::mutex> lock(mutex_);
  dossiers_[index].timed_out = true;
}

bool DossierLedger::Settled() const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const DossierTrack& dossier : dossiers_) {
    if (!dossier.uploads_finished && !dossier.timed_out) return false;
    if (Waiting(dossier)) return false;
  }
  return true;
}

std::vector<DossierTrack> DossierLedger::Snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return dossiers_;
}

}  // namespace dossier::sim
