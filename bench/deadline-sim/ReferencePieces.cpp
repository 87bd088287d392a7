#include "bench/deadline-sim/ReferencePieces.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "bench/deadline-sim/MultipartBody.h"
#include "tests/fixtures/ReferenceDossier.h"

namespace dossier::sim {
namespace {

namespace fs = std::filesystem;

constexpr char kBoundary[] = "----deadline-sim-7f3a9c2e5b";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<fs::path> SortedFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  if (fs::is_directory(dir))
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

const std::vector<std::string>& ReferenceCodes() {
  static const std::vector<std::string> codes = {"cv", "lettre_motivation", "releve_bac",
                                                 "bulletins", "identite"};
  return codes;
}

std::string GenerateReferenceFixtures() {
  std::string pattern = (fs::temp_directory_path() / "deadline-sim-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create " + pattern);
  fixtures::WriteReferenceDossier(pattern);
  return pattern;
}

std::vector<PieceUpload> LoadReferencePieces(const std::string& dir) {
  std::vector<PieceUpload> pieces;
  for (const std::string& code : ReferenceCodes()) {
    PieceUpload piece{code, MultipartContentType(kBoundary), "", {}};
    std::vector<NamedBytes> files;
    for (const fs::path& path : SortedFiles(fs::path(dir) / code)) {
      piece.paths.push_back(path.string());
      files.push_back({path.filename().string(), ReadFile(path)});
    }
    if (files.empty()) throw std::runtime_error("no file for " + code + " in " + dir);
    piece.body = MultipartBody(files, kBoundary);
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

}  // namespace dossier::sim
