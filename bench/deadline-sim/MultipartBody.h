// A multipart/form-data body with one `file` part per file, as a browser
// sends a pièce's files (in upload order).
#pragma once

#include <string>
#include <vector>

namespace dossier::sim {

struct NamedBytes {
  std::string name;   // file name sent in the part
  std::string bytes;  // content
};

// The Content-Type header value that goes with MultipartBody(…, boundary).
std::string MultipartContentType(const std::string& boundary);

std::string MultipartBody(const std::vector<NamedBytes>& files, const std::string& boundary);

}  // namespace dossier::sim
