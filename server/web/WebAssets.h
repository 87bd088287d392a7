#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// The web pages' files (server/web: candidat.html, gestion.html, static/…),
// built into dossier_server at build time so that dossierd serves them with
// nothing installed beside it (server/EmbedWebAssets.cmake writes the bytes).
struct WebAsset {
  std::string_view path;          // relative to server/web: "candidat.html", "static/gestion.js"
  std::string_view bytes;         // the file as it was at build time
  std::string_view content_type;  // "text/html; charset=utf-8", "image/png", …
};

// The built-in file at `path`; nullptr when there is none, or when its type
// is not one a page uses (WebContentType).
const WebAsset* FindWebAsset(const std::string& path);

// Every built-in file FindWebAsset returns, by path.
const std::vector<WebAsset>& WebAssets();

// The Content-Type a page's file is served with, by its extension (.html,
// .css, .js, .svg, .png, .ico, .jpg, .woff2, .json); "" for any other.
std::string_view WebContentType(std::string_view path);

// The generated table: every embedded file, content_type left empty.
std::vector<WebAsset> BuiltInWebFiles();

}  // namespace dossier
