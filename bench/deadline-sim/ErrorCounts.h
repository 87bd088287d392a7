// Errors of the run, counted by kind: "http_<status>", "connection",
// "refused_report", "unprocessable", "timeout", … and, apart, notes that are
// not errors (a connection error that its retry recovered). Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace dossier::sim {

class ErrorCounts {
 public:
  void Add(const std::string& kind);
  void Note(const std::string& kind);
  std::map<std::string, long> ByKind() const;
  std::map<std::string, long> Notes() const;
  long Total() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, long> counts_;
  std::map<std::string, long> notes_;
};

}  // namespace dossier::sim
