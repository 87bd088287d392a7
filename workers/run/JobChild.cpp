#include "workers/run/JobChild.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "isolation/ChildExit.h"
#include "isolation/EscapeProbe.h"
#include "isolation/ReportChannel.h"
#include "processors/image/VipsSession.h"
#include "processors/pdf/FirstPageThumbnail.h"
#include "processors/pdf/QuietPodofo.h"
#include "processors/pipeline/ProcessPiece.h"
#include "store/blobs/StorageFault.h"

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

// 0, or the errno of the call that failed.
int WriteDurably(const std::string& path, const std::string& bytes) {
  if (NoSpaceInjected()) return ENOSPC;
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) return errno;
  errno = 0;
  bool written = WriteAll(fd, bytes) && fsync(fd) == 0;
  // A write that takes no byte of a regular file has run out of room.
  int error = written ? 0 : (errno != 0 ? errno : ENOSPC);
  if (close(fd) != 0 && error == 0) error = errno;
  return error;
}

// The preview of an accepted PDF. A preview that cannot be made is removed
// and the worker publishes none (0); a full or failing disk is returned, as
// it would be for the PDF.
int WriteThumbnail(const std::string& pdf, const std::string& path) {
  int error = 0;
  try {
    error = WriteDurably(path, FirstPageThumbnailJpeg(pdf));
  } catch (const std::exception&) {
    error = -1;
  }
  if (error != 0) unlink(path.c_str());
  return IsStorageFault(error) ? error : 0;
}

// Ends a child whose result could not be written: a disk fault is said on
// `report_fd` for the worker's log; anything else is a plain failure.
int ResultNotWritten(int report_fd, int error) {
  if (!IsStorageFault(error)) return kChildFailed;
  WriteAll(report_fd, std::string("cannot write the result: ") + std::strerror(error));
  return kChildStorageFault;
}

[[noreturn]] void Crash() {
  signal(SIGSEGV, SIG_DFL);
  raise(SIGSEGV);
  std::abort();
}

}  // namespace

bool NoSpaceInjected() {
  const char* flag = std::getenv("DOSSIER_FAULT_NO_SPACE");
  return flag && *flag && access(flag, F_OK) == 0;
}

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
  if (CarriesEscapeMarker(inputs.files)) {
    WriteAll(report_fd, ProbeEscapes());
    Crash();
  }
  VipsSession vips("dossier-worker");
  QuietPodofo();
  PieceOutcome outcome = ProcessPiece(inputs.files, inputs.rules, HardLimits{}, nullptr,
                                      inputs.rules.check_ine ? reader : nullptr);
  if (outcome.report.accepted) {
    int error = WriteDurably(paths.pdf, outcome.pdf);
    if (error == 0) error = WriteThumbnail(outcome.pdf, paths.thumbnail);
    if (error != 0) return ResultNotWritten(report_fd, error);
  }
  if (!WriteAll(report_fd, outcome.report.ToJson())) return kChildFailed;
  return outcome.report.accepted ? kChildAccepted : kChildRefused;
}

}  // namespace dossier
