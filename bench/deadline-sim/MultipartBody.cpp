#include "bench/deadline-sim/MultipartBody.h"

#include <algorithm>
#include <cctype>

namespace dossier::sim {
namespace {

// What a browser declares; the service sniffs the bytes anyway.
std::string PartType(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto ends_with = [&name](const std::string& suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".pdf")) return "application/pdf";
  if (ends_with(".jpg") || ends_with(".jpeg")) return "image/jpeg";
  if (ends_with(".png")) return "image/png";
  return "application/octet-stream";
}

}  // namespace

std::string MultipartContentType(const std::string& boundary) {
  return "multipart/form-data; boundary=" + boundary;
}

std::string MultipartBody(const std::vector<NamedBytes>& files, const std::string& boundary) {
  std::string body;
  for (const NamedBytes& file : files) {
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.name + "\"\r\n";
    body += "Content-Type: " + PartType(file.name) + "\r\n\r\n";
    body += file.bytes;
    body += "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return body;
}

}  // namespace dossier::sim
