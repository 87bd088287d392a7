#include "bench/deadline-sim/PeerRun.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "bench/deadline-sim/CandidateRun.h"
#include "bench/deadline-sim/SimClock.h"

namespace dossier::sim {
namespace {

namespace fs = std::filesystem;

std::string Quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

bool IsImage(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png";
}

// Each run of consecutive images becomes one PDF, as the peer script does.
std::vector<std::string> PdfsOf(const PieceUpload& piece, const std::string& work,
                                std::string& command) {
  std::vector<std::string> pdfs, images;
  auto flush = [&] {
    if (images.empty()) return;
    std::string pdf = work + "/images" + std::to_string(pdfs.size()) + ".pdf";
    command += "img2pdf";
    for (const std::string& image : images) command += " " + Quoted(image);
    command += " -o " + Quoted(pdf) + " && ";
    pdfs.push_back(pdf);
    images.clear();
  };
  for (const std::string& path : piece.paths) {
    if (IsImage(path)) {
      images.push_back(path);
    } else {
      flush();
      pdfs.push_back(path);
    }
  }
  flush();
  return pdfs;
}

std::string Ghostscript(const std::string& in, const std::string& out) {
  return "gs -sDEVICE=pdfwrite -dNOPAUSE -dBATCH -dQUIET -dSAFER "
         "-dDownsampleColorImages=true -dDownsampleGrayImages=true "
         "-dColorImageResolution=200 -dGrayImageResolution=200 "
         "-dColorImageDownsampleThreshold=1.0 -dGrayImageDownsampleThreshold=1.0 "
         "-sOutputFile=" +
         Quoted(out) + " " + Quoted(in);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool HoldsIne(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(), ::isspace), text.end());
  return text.find(kDeclaredIne) != std::string::npos;
}

}  // namespace

std::string PeerPieceCommand(const PieceUpload& piece, const std::string& work_dir,
                             const std::string& out_dir) {
  std::string command;
  std::vector<std::string> pdfs = PdfsOf(piece, work_dir, command);
  std::string merged = out_dir + "/" + piece.code + ".pdf", parts;
  for (std::size_t i = 0; i < pdfs.size(); ++i) {
    std::string out = pdfs.size() == 1 ? merged : work_dir + "/gs" + std::to_string(i) + ".pdf";
    command += Ghostscript(pdfs[i], out) + " && ";
    parts += " " + Quoted(out);
  }
  if (pdfs.size() > 1) command += "qpdf --empty --pages" + parts + " -- " + Quoted(merged) + " && ";
  if (piece.code == "releve_bac") {
    std::string page = work_dir + "/page";
    command += "pdftoppm -r 300 -gray -f 1 -l 1 -singlefile " + Quoted(merged) + " " +
               Quoted(page) + " && OMP_THREAD_LIMIT=1 tesseract " + Quoted(page + ".pgm") +
               " - -l fra > " + Quoted(out_dir + "/releve_bac.txt") + " 2>/dev/null && ";
  }
  return command + "true";
}

PeerResult RunPeer(const std::vector<PieceUpload>& pieces, int dossiers, int threads) {
  PeerResult result;
  result.dossiers = dossiers;
  result.threads = threads;
  fs::path root = fs::temp_directory_path() / ("deadline-sim-peer-" + std::to_string(getpid()));
  std::atomic<int> next{0};
  std::mutex mutex;
  SimClock clock;
  auto work = [&] {
    for (int run; (run = next++) < dossiers;) {
      fs::path out = root / std::to_string(run);
      double start = clock.Now();
      int failed = 0;
      bool ine = false;
      for (const PieceUpload& piece : pieces) {
        fs::path scratch = out / ("work-" + piece.code);
        fs::create_directories(scratch);
        std::string command = PeerPieceCommand(piece, scratch.string(), out.string());
        if (std::system(
                ("(" + command + ") >/dev/null 2>>" + Quoted((out / "stderr").string())).c_str()) !=
            0)
          ++failed;
        if (piece.code == "releve_bac") ine = HoldsIne(ReadAll((out / "releve_bac.txt").string()));
      }
      std::lock_guard<std::mutex> lock(mutex);
      result.dossier_s.push_back(clock.Now() - start);
      result.failed_pieces += failed;
      result.ine_found += ine ? 1 : 0;
    }
  };
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back(work);
  for (std::thread& thread : pool) thread.join();
  result.wall_s = clock.Now();
  std::error_code ignored;
  fs::remove_all(root, ignored);
  return result;
}

}  // namespace dossier::sim
