#include "server/web/WebAssets.h"

#include <algorithm>
#include <utility>

namespace dossier {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::vector<WebAsset> TypedAssets() {
  std::vector<WebAsset> assets;
  for (WebAsset asset : BuiltInWebFiles()) {
    asset.content_type = WebContentType(asset.path);
    if (!asset.content_type.empty()) assets.push_back(asset);
  }
  std::sort(assets.begin(), assets.end(),
            [](const WebAsset& a, const WebAsset& b) { return a.path < b.path; });
  return assets;
}

}  // namespace

std::string_view WebContentType(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".jpg", "image/jpeg"},
      {".woff2", "font/woff2"},
  };
  for (const auto& [extension, type] : kTypes)
    if (EndsWith(path, extension)) return type;
  return "";
}

const std::vector<WebAsset>& WebAssets() {
  static const std::vector<WebAsset> assets = TypedAssets();
  return assets;
}

const WebAsset* FindWebAsset(const std::string& path) {
  const std::vector<WebAsset>& assets = WebAssets();
  auto found = std::lower_bound(
      assets.begin(), assets.end(), path,
      [](const WebAsset& asset, const std::string& wanted) { return asset.path < wanted; });
  return found != assets.end() && found->path == path ? &*found : nullptr;
}

}  // namespace dossier
