// What happened to every simulated dossier: when it was planned to arrive,
// when each pièce was sent, acknowledged and given its result. Shared by the
// uploading threads and the result poller; thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace dossier::sim {

struct PieceTiming {
  double sent_s = -1;       // the upload request started
  double acked_s = -1;      // its 202 arrived (-1: never)
  double ack_wait_ms = -1;  // from its last body byte sent to the 202
  int status = 0;           // HTTP status of the upload (0: connection failed)
  double result_s = -1;     // first GET that showed it processed
  std::string outcome;      // report status (accepted, refused) or "unprocessable"
};

struct DossierTrack {
  std::string id;
  std::string token;      // the token the candidate uses
  double planned_s = 0;   // arrival on the deadline curve
  double started_s = -1;  // its first upload request started
  std::map<std::string, PieceTiming> pieces;
  bool uploads_finished = false;
  double uploads_end_s = -1;  // its last upload was answered (or given up)
  double done_s = -1;         // every acknowledged pièce has its result
  bool timed_out = false;

  bool Completed(std::size_t piece_count) const;  // every pièce acknowledged and processed
};

// One GET's view of a pièce: its processing state and report status.
struct PieceView {
  std::string processing;     // none, pending, done, unprocessable
  std::string report_status;  // accepted, refused, "" before a report
};

class DossierLedger {
 public:
  DossierLedger(std::vector<DossierTrack> dossiers) : dossiers_(std::move(dossiers)) {}

  const DossierTrack& Plan(std::size_t index) const { return dossiers_[index]; }
  std::size_t Size() const { return dossiers_.size(); }

  void UploadSent(std::size_t index, const std::string& code, double sent_s);
  void UploadAnswered(std::size_t index, const std::string& code, int status, double at_s,
                      double wait_after_body_ms);
  void UploadsFinished(std::size_t index, double at_s);

  // Dossiers with at least one acknowledged pièce and results still to come,
  // in arrival order.
  std::vector<std::size_t> Watched() const;

  // Records a GET of the candidature; returns the outcomes newly seen
  // (code → outcome) so the caller can count refusals.
  std::map<std::string, std::string> RecordView(std::size_t index,
                                                const std::map<std::string, PieceView>& view,
                                                double at_s);
  void TimeOut(std::size_t index);

  // Every dossier is finished (done, timed out, or had no pièce acknowledged).
  bool Settled() const;
  std::vector<DossierTrack> Snapshot() const;

 private:
  bool Waiting(const DossierTrack& dossier) const;
  mutable std::mutex mutex_;
  std::vector<DossierTrack> dossiers_;
};

}  // namespace dossier::sim
