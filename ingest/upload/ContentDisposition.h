#pragma once

#include <string>

namespace dossier {

// The Content-Disposition header of one part of a multipart/form-data body:
// `form-data; name="file"; filename="relevé.pdf"`.
struct ContentDisposition {
  std::string name;           // the form field
  bool has_filename = false;  // a file part, even when its filename is empty
  std::string filename;       // as sent, before CleanOriginalName

  // Read as browsers write it (HTML's multipart/form-data rules): quoted
  // values carry no backslash escapes — a backslash is part of the name, as
  // in "C:\fakepath\x.pdf" — and `"`, CR and LF arrive as %22, %0D, %0A.
  static ContentDisposition Parse(const std::string& header);
};

}  // namespace dossier
