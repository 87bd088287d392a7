#include "server/dossier/DossierPdf.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "core/cover/DossierCover.h"
#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "core/messages/CoverLabels.h"
#include "isolation/ChildEnd.h"
#include "isolation/LimitedProgram.h"
#include "server/dossier/DossierState.h"
#include "server/dossier/ProgramSlots.h"
#include "store/blobs/BlobStore.h"
#include "store/db/ConnectionPool.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/JobOutcome.h"
#include "workflow/LabelOrCode.h"
#include "workflow/PieceStatus.h"

namespace dossier {
namespace {

// The candidature does not exist, or has nothing to show yet: the client
// reads the same sentence either way; the log reads `why`.
ClientError NotFound(const std::string& why) {
  return ClientError(ErrorCode::kNotFound, messages::DossierNotAvailable(), why);
}

namespace fs = std::filesystem;

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kFingerprintLength = 64;  // SHA-256 in hex

// The id becomes part of a file name: letters, digits, "-" and "_" only.
bool IsSafeId(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

bool IsHex(const std::string& text) {
  for (char c : text)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// "<id>-<64 hex>.pdf" of exactly this candidature ("a-" must not match the
// files of candidature "a-b").
bool IsCachedFileOf(const std::string& name, const std::string& id) {
  const std::string prefix = id + "-", suffix = ".pdf";
  if (name.size() != prefix.size() + kFingerprintLength + suffix.size()) return false;
  if (name.compare(0, prefix.size(), prefix) != 0) return false;
  if (name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  return IsHex(name.substr(prefix.size(), kFingerprintLength));
}

void RemoveOlderFiles(const fs::path& dir, const std::string& id, const fs::path& keep) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    if (entry.path() == keep || !IsCachedFileOf(entry.path().filename().string(), id)) continue;
    fs::remove(entry.path(), error);  // another request may have removed it first
  }
}

std::string GenerationDate() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), messages::CoverDateFormat());
}

CoverPiece CoverPieceOf(const DossierPieceState& piece) {
  messages::PrecheckFacts facts;
  facts.not_concerned = ParsePieceStatus(piece.status) == PieceStatus::kNonConcerne;
  facts.current_version = piece.current_version;
  facts.outcome = piece.outcome;
  facts.reason = piece.reason;
  facts.ine_verdict = piece.ine_verdict;
  facts.pages = piece.pages;
  facts.output_bytes = static_cast<std::uint64_t>(std::max<std::int64_t>(piece.output_bytes, 0));
  return {piece.label.empty() ? piece.code : piece.label,
          LabelOrCode(ParsePieceStatus(piece.status), piece.status),
          messages::PrecheckSummary(facts), piece.comment};
}

DossierCover CoverOf(const DossierState& state) {
  DossierCover cover;
  cover.candidature_id = state.candidature_id;
  cover.formation = state.formation;
  cover.declared_ine = state.declared_ine;
  cover.status = LabelOrCode(ParseCandidatureStatus(state.status), state.status);
  cover.generated_at = GenerationDate();
  for (const DossierPieceState& piece : state.pieces) cover.pieces.push_back(CoverPieceOf(piece));
  return cover;
}

// The processed PDFs that follow the cover: every pièce whose current
// version was accepted, whatever the gestionnaire decided since (the cover
// says it). A pièce marked « non concernée » has nothing to show.
std::vector<std::string> PiecePaths(const DossierState& state, const BlobStore& store) {
  std::vector<std::string> paths;
  for (const DossierPieceState& piece : state.pieces) {
    if (ParsePieceStatus(piece.status) == PieceStatus::kNonConcerne ||
        ParseJobOutcome(piece.outcome) != JobOutcome::kAccepted || piece.output_key.empty())
      continue;
    std::string path = store.PathOf(piece.output_key);
    if (access(path.c_str(), R_OK) != 0)
      throw std::runtime_error("dossier " + state.candidature_id + ": the result of pièce " +
                               piece.code + " is missing (" + path + ")");
    paths.push_back(path);
  }
  return paths;
}

// A file removed when this goes out of scope.
class ScratchFile {
 public:
  explicit ScratchFile(std::string path) : path_(std::move(path)) {}
  ~ScratchFile() { ::unlink(path_.c_str()); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void WriteFile(const std::string& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + path);
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (done != bytes.size()) throw std::runtime_error("cannot write " + path);
}

DossierState ReadState(ConnectionPool& pool, const std::string& id) {
  PooledConnection connection = pool.Acquire();
  std::optional<DossierState> state = ReadDossierState(*connection, id);
  if (!state) throw NotFound("no candidature " + id);
  if (state->pieces.empty()) throw NotFound("candidature " + id + " asks for no piece");
  return std::move(*state);
}

// How long a request waits for a free assembling slot before `busy`.
constexpr std::chrono::seconds kSlotWait(30);

// Runs `dossier assemble` on the cover and the pièces' results, into `out`.
void Assemble(const std::string& binary, const BlobStore& store, const DossierState& state,
              const fs::path& out) {
  std::vector<std::string> argv = {binary, "assemble"};
  ScratchFile cover(store.TempPath() + ".json");
  WriteFile(cover.path(), CoverOf(state).ToJson());
  argv.insert(argv.end(), {"--cover", cover.path(), "-o", out.string()});
  for (const std::string& path : PiecePaths(state, store)) argv.push_back(path);
  ChildLimits limits;  // 2 GiB, 60 s of CPU, killed after 120 s, 64 ko of messages kept
  limits.wall_time = std::chrono::seconds(120);
  limits.max_output_bytes = 64u << 10;
  ChildResult result = RunLimitedProgram(argv, limits);
  if (result.end != ChildResult::End::Exited || result.exit_code != 0 || !fs::exists(out))
    throw std::runtime_error("dossier " + state.candidature_id + ": assembling failed (" +
                             DescribeChildEnd(result, limits) + "): " + result.output);
}

}  // namespace

DossierPdf::DossierPdf(ConnectionPool& pool, const BlobStore& store, std::string assemble_binary,
                       ProgramSlots& slots)
    : pool_(pool), store_(store), assemble_binary_(std::move(assemble_binary)), slots_(slots) {}

std::string DossierPdf::PathFor(const std::string& candidature_id) {
  if (!IsSafeId(candidature_id)) throw NotFound("no candidature with such an id");
  DossierState state = ReadState(pool_, candidature_id);
  const fs::path dir = fs::path(store_.data_dir()) / "dossiers";
  const fs::path out = dir / (candidature_id + "-" + DossierFingerprint(state) + ".pdf");
  if (fs::exists(out)) return out.string();
  fs::create_directories(dir);

  ProgramSlots::Held slot = slots_.Take(kSlotWait);
  if (fs::exists(out)) return out.string();  // assembled while this request waited
  Assemble(assemble_binary_, store_, state, out);
  RemoveOlderFiles(dir, candidature_id, out);
  return out.string();
}

}  // namespace dossier
