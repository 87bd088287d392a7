// ReceiveMultipart on every pièce of the reference dossier as dossierd gets
// it: one multipart/form-data body per pièce, streamed into a blob store
// (hash, sniff, write, fsync, publish). The connection threads spend their
// CPU here, so at the deadline peak this is what the upload acks wait on.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "bench/ProcessorBench.h"
#include "ingest/upload/ReceiveMultipart.h"
#include "store/blobs/BlobStore.h"

namespace dossier::bench {
namespace {

constexpr char kBoundary[] = "----dossier-bench-4d1c7a";

std::string Body(const ReferencePiece& piece) {
  std::string body;
  for (const InputFile& file : piece.files) {
    body += std::string("--") + kBoundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.name + "\"\r\n";
    body += "Content-Type: application/octet-stream\r\n\r\n";
    body += file.bytes;
    body += "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

// A blob store in a fresh temporary folder, removed with its files.
class ScratchStore {
 public:
  ScratchStore() {
    std::string pattern = (std::filesystem::temp_directory_path() / "upload-bench-XXXXXX").string();
    if (mkdtemp(pattern.data())) dir_ = pattern;
  }
  ~ScratchStore() {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
  }
  ScratchStore(const ScratchStore&) = delete;
  ScratchStore& operator=(const ScratchStore&) = delete;
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

void BM_ReceiveUpload(benchmark::State& state, const std::string& code) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  ScratchStore scratch;
  if (scratch.dir().empty()) {
    state.SkipWithError("cannot create a temporary folder");
    return;
  }
  BlobStore store(scratch.dir());
  const std::string body = Body(*piece);
  const std::string content_type = std::string("multipart/form-data; boundary=") + kBoundary;
  UploadLimits limits;
  limits.min_free_bytes = 0;
  std::size_t files = 0;
  for (auto _ : state) {
    std::istringstream in(body);
    std::vector<ReceivedFile> received =
        ReceiveMultipart(in, content_type, body.size(), piece->rules, limits, store);
    files = received.size();
    state.PauseTiming();
    for (const ReceivedFile& file : received) store.Remove(file.storage_key);
    state.ResumeTiming();
  }
  if (files != piece->files.size()) {
    state.SkipWithError(
        ("received " + std::to_string(files) + " files of " + std::to_string(piece->files.size()))
            .c_str());
    return;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
  state.counters["body_bytes"] = static_cast<double>(body.size());
}

[[maybe_unused]] const bool kReceiveRegistered = [] {
  for (const PieceLayout& layout : kReferenceLayout) {
    std::string code = layout.code;
    TimeLikePipeline(benchmark::RegisterBenchmark(
                         ("ReceiveUpload/" + code).c_str(),
                         [code](benchmark::State& state) { BM_ReceiveUpload(state, code); }),
                     benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace
}  // namespace dossier::bench
