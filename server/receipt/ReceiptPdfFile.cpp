#include "server/receipt/ReceiptPdfFile.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "isolation/ChildEnd.h"
#include "isolation/LimitedProgram.h"
#include "server/dossier/ProgramSlots.h"
#include "server/receipt/TransmissionReceipt.h"
#include "store/blobs/BlobStore.h"
#include "store/db/ConnectionPool.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

// Part of the cached file's name: a new layout of the receipt draws every
// receipt again instead of serving the former one.
constexpr const char* kLayoutVersion = "r1";

// The receipt's JSON for the drawing program, removed when done.
class ReceiptJsonFile {
 public:
  ReceiptJsonFile(const BlobStore& store, const std::string& json)
      : path_(store.TempPath() + ".json") {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out << json;
    if (!out.flush()) throw std::runtime_error("cannot write " + path_);
  }
  ~ReceiptJsonFile() { ::unlink(path_.c_str()); }
  ReceiptJsonFile(const ReceiptJsonFile&) = delete;
  ReceiptJsonFile& operator=(const ReceiptJsonFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void Draw(const std::string& binary, const BlobStore& store, const std::string& id,
          const std::string& json, const fs::path& out) {
  ReceiptJsonFile input(store, json);
  std::vector<std::string> argv = {binary, "recepisse", "--json", input.path(), "-o", out.string()};
  ChildLimits limits;  // 2 GiB, 60 s of CPU
  limits.wall_time = std::chrono::seconds(60);
  limits.max_output_bytes = 64u << 10;
  ChildResult result = RunLimitedProgram(argv, limits);
  if (result.end != ChildResult::End::Exited || result.exit_code != 0 || !fs::exists(out))
    throw std::runtime_error("receipt of candidature " + id + ": drawing failed (" +
                             DescribeChildEnd(result, limits) + "): " + result.output);
}

}  // namespace

std::string ReceiptPdfPath(ConnectionPool& pool, const BlobStore& store, const std::string& binary,
                           ProgramSlots& slots, const std::string& candidature_id) {
  std::optional<StoredReceipt> receipt = [&] {
    PooledConnection connection = pool.Acquire();
    return LatestReceipt(*connection, candidature_id);
  }();
  if (!receipt)
    throw ClientError(ErrorCode::kNotFound, messages::NoReceiptYet(),
                      "candidature " + candidature_id + " never transmitted");
  const fs::path dir = fs::path(store.data_dir()) / "recepisses";
  const fs::path out =
      dir / (candidature_id + "-" + std::to_string(receipt->id) + "-" + kLayoutVersion + ".pdf");
  if (fs::exists(out)) return out.string();
  fs::create_directories(dir);
  ProgramSlots::Held slot = slots.Take(std::chrono::seconds(30));
  if (fs::exists(out)) return out.string();  // drawn while this request waited
  Draw(binary, store, candidature_id, receipt->json, out);
  return out.string();
}

}  // namespace dossier
