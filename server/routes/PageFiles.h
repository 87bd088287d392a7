#pragma once

#include <optional>
#include <string>

namespace dossier {

// A file of the web pages, ready to send.
struct PageFile {
  std::string bytes;
  std::string content_type;
};

// `path` names a file the pages may load: "name" or "static/name", the name
// made of A-Z a-z 0-9 . _ - (no leading dot, no ".."), of a type
// WebContentType knows. Nothing else is ever looked up.
bool IsPagePath(const std::string& path);

// The file at `path` (relative to server/web: "gestion.html",
// "static/gestion.js"): read from `web_dir` when it is set (the pages being
// worked on, served without a rebuild), else the copy built into the binary
// (FindWebAsset). nullopt when absent or when IsPagePath says no.
std::optional<PageFile> FindPageFile(const std::string& web_dir, const std::string& path);

}  // namespace dossier
