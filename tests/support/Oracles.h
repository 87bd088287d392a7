#pragma once

#include <string>
#include <vector>

namespace dossier::testing {

// Independent witnesses of what a PDF holds: the command-line tools of qpdf
// and poppler, run on a temporary copy. The tests never judge our output
// with our own code alone.

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr
};

CommandResult RunCommand(const std::string& command);

// A temporary file holding `bytes`, removed when the object dies.
class TempFile {
 public:
  explicit TempFile(const std::string& bytes, const std::string& suffix = ".pdf");
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A temporary directory, removed with its content when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& bytes) const;

 private:
  std::string path_;
};

// `qpdf --check` exits 0: structure and every stream sound.
bool QpdfCheckPasses(const std::string& pdf);

// The PDF as `qpdf --qdf --object-streams=disable` writes it: every object
// the trailer reaches, streams decoded, as text one can search.
std::string QdfText(const std::string& pdf);

// Page count as poppler's pdfinfo reads it (-1 when it cannot).
int PopplerPageCount(const std::string& pdf);

// One row of `pdfimages -list`.
struct ListedImage {
  int page = 0;
  int width = 0, height = 0;
  std::string encoding;  // jpeg, image (Flate), …
  double x_ppi = 0, y_ppi = 0;
};
std::vector<ListedImage> PdfImagesList(const std::string& pdf);

// The text poppler extracts from the PDF.
std::string PdfText(const std::string& pdf);

// The path of a binary built beside the tests (dossier, dossier-fixtures).
std::string BuiltBinary(const std::string& name);

std::string ReadFile(const std::string& path);

// Strict UTF-8 as glibc's iconv decodes it (overlong forms and surrogates
// refused), plus the U+10FFFF ceiling glibc does not enforce: the service's
// own decoder is not its judge.
bool IsStrictUtf8(const std::string& text);

}  // namespace dossier::testing
