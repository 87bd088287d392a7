#include "server/routes/PageFiles.h"

#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "server/web/WebAssets.h"

namespace dossier {
namespace {

// A page's file is a few hundred kilobytes at most; anything bigger in the
// folder is not one.
constexpr off_t kMaxPageFileBytes = 16 << 20;

bool IsPageFileName(const std::string& name) {
  if (name.empty() || name.size() > 128 || name[0] == '.') return false;
  if (name.find("..") != std::string::npos) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return !WebContentType(name).empty();
}

std::optional<std::string> ReadRegularFile(const std::string& path) {
  struct stat file;
  if (stat(path.c_str(), &file) != 0 || !S_ISREG(file.st_mode) || file.st_size > kMaxPageFileBytes)
    return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace

bool IsPagePath(const std::string& path) {
  const std::string kStatic = "static/";
  if (path.compare(0, kStatic.size(), kStatic) == 0)
    return IsPageFileName(path.substr(kStatic.size()));
  return IsPageFileName(path);
}

std::optional<PageFile> FindPageFile(const std::string& web_dir, const std::string& path) {
  if (!IsPagePath(path)) return std::nullopt;
  std::string content_type(WebContentType(path));
  if (!web_dir.empty()) {
    std::optional<std::string> bytes = ReadRegularFile(web_dir + "/" + path);
    if (!bytes) return std::nullopt;
    return PageFile{std::move(*bytes), content_type};
  }
  const WebAsset* asset = FindWebAsset(path);
  if (!asset) return std::nullopt;
  return PageFile{std::string(asset->bytes), content_type};
}

}  // namespace dossier
