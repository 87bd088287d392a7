#include "workers/run/JobChild.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <exception>

#include "processors/image/VipsSession.h"
#include "processors/pdf/FirstPageThumbnail.h"
#include "processors/pdf/QuietPodofo.h"
#include "processors/pipeline/ProcessPiece.h"

namespace dossier {
namespace {

// A worker blocks its shutdown signals to read them between jobs; its
// children must not inherit that.
void RestoreSignals() {
  sigset_t all;
  sigemptyset(&all);
  sigprocmask(SIG_SETMASK, &all, nullptr);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
}

bool WriteAll(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool WriteDurably(const std::string& path, const std::string& bytes) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) return false;
  bool ok = WriteAll(fd, bytes) && fsync(fd) == 0;
  return close(fd) == 0 && ok;
}

// The preview of an accepted PDF; on failure the file is removed and the
// worker publishes none.
void WriteThumbnail(const std::string& pdf, const std::string& path) {
  try {
    if (WriteDurably(path, FirstPageThumbnailJpeg(pdf))) return;
  } catch (const std::exception&) {
  }
  unlink(path.c_str());
}

[[noreturn]] void Crash() {
  signal(SIGSEGV, SIG_DFL);
  raise(SIGSEGV);
  std::abort();
}

}  // namespace

bool CarriesCrashMarker(const std::vector<InputFile>& files) {
  const char* marker = std::getenv("DOSSIER_FAULT_CRASH_MARKER");
  if (!marker || !*marker) return false;
  for (const InputFile& file : files)
    if (file.bytes.find(marker) != std::string::npos) return true;
  return false;
}

int ProcessJobInChild(const JobInputs& inputs, IneReader* reader, const JobOutputPaths& paths,
                      int report_fd) {
  RestoreSignals();
  if (CarriesCrashMarker(inputs.files)) Crash();
  VipsSession vips("dossier-worker");
  QuietPodofo();
  PieceOutcome outcome = ProcessPiece(inputs.files, inputs.rules, HardLimits{}, nullptr,
                                      inputs.rules.check_ine ? reader : nullptr);
  if (outcome.report.accepted) {
    if (!WriteDurably(paths.pdf, outcome.pdf)) return 1;
    WriteThumbnail(outcome.pdf, paths.thumbnail);
  }
  if (!WriteAll(report_fd, ReportToJson(outcome.report))) return 1;
  return outcome.report.accepted ? kJobChildAccepted : kJobChildRefused;
}

}  // namespace dossier
