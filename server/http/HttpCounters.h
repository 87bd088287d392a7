#pragma once

#include <array>
#include <atomic>
#include <cstdint>

namespace dossier {

// What this server process answered since it started: responses by status
// class for /metrics, uploads and their bytes for the stop log. Everything
// else /metrics shows comes from the database, the same on every server.
class HttpCounters {
 public:
  void CountResponse(int status);
  void CountUpload(std::uint64_t files, std::uint64_t bytes);

  // Index 0 is 1xx, 4 is 5xx.
  std::array<std::uint64_t, 5> responses_by_class() const;
  std::uint64_t uploads() const { return uploads_; }
  std::uint64_t upload_files() const { return upload_files_; }
  std::uint64_t upload_bytes() const { return upload_bytes_; }

 private:
  std::array<std::atomic<std::uint64_t>, 5> by_class_{};
  std::atomic<std::uint64_t> uploads_{0};
  std::atomic<std::uint64_t> upload_files_{0};
  std::atomic<std::uint64_t> upload_bytes_{0};
};

}  // namespace dossier
