#include "tests/support/Oracles.h"

#include <iconv.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dossier::testing {

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TempFile::TempFile(const std::string& bytes, const std::string& suffix) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "dossier-XXXXXX").string() + suffix;
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemps(name.data(), static_cast<int>(suffix.size()));
  if (fd < 0) throw std::runtime_error("mkstemps failed");
  close(fd);
  path_ = name.data();
  std::ofstream(path_, std::ios::binary) << bytes;
}

TempFile::~TempFile() {
  std::remove(path_.c_str());
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "dossier-XXXXXX").string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (!mkdtemp(name.data())) throw std::runtime_error("mkdtemp failed");
  path_ = name.data();
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::Write(const std::string& name, const std::string& bytes) const {
  std::string path = path_ + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

bool QpdfCheckPasses(const std::string& pdf) {
  TempFile file(pdf);
  return RunCommand("qpdf --check '" + file.path() + "'").exit_code == 0;
}

std::string QdfText(const std::string& pdf) {
  TempFile file(pdf);
  TempFile qdf("");
  RunCommand("qpdf --qdf --object-streams=disable '" + file.path() + "' '" + qdf.path() + "'");
  return ReadFile(qdf.path());
}

int PopplerPageCount(const std::string& pdf) {
  TempFile file(pdf);
  CommandResult info = RunCommand("pdfinfo '" + file.path() + "'");
  std::istringstream lines(info.out);
  std::string line;
  while (std::getline(lines, line))
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  return -1;
}

std::vector<ListedImage> PdfImagesList(const std::string& pdf) {
  TempFile file(pdf);
  CommandResult list = RunCommand("pdfimages -list '" + file.path() + "'");
  std::vector<ListedImage> images;
  std::istringstream lines(list.out);
  std::string line;
  int row = 0;
  while (std::getline(lines, line)) {
    if (++row <= 2) continue;  // header and rule
    std::istringstream fields(line);
    ListedImage image;
    std::string num, type, color, comp, bpc, interp, object, generation;
    fields >> image.page >> num >> type >> image.width >> image.height >> color >> comp >> bpc >>
        image.encoding >> interp >> object >> generation >> image.x_ppi >> image.y_ppi;
    if (fields) images.push_back(image);
  }
  return images;
}

std::string PdfText(const std::string& pdf) {
  TempFile file(pdf);
  return RunCommand("pdftotext -q '" + file.path() + "' -").out;
}

std::string BuiltBinary(const std::string& name) {
  return std::string(DOSSIER_BUILD_DIR) + "/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool IsStrictUtf8(const std::string& text) {
  iconv_t converter = iconv_open("UTF-32LE", "UTF-8");
  std::vector<char> out(text.size() * 4 + 4);
  char* in_at = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char* out_at = out.data();
  std::size_t out_left = out.size();
  bool converted =
      iconv(converter, &in_at, &in_left, &out_at, &out_left) != static_cast<size_t>(-1);
  iconv_close(converter);
  if (!converted || in_left != 0) return false;
  for (char* at = out.data(); at < out_at; at += 4) {
    std::uint32_t code_point = 0;
    for (int i = 3; i >= 0; --i) code_point = code_point << 8 | static_cast<unsigned char>(at[i]);
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return false;
  }
  return true;
}

}  // namespace dossier::testing
