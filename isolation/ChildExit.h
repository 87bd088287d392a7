#pragma once

namespace dossier {

// The exit codes of a child that runs the pipeline (a job child, the child
// of `dossier process`). Anything else, or a signal, is a failure of the
// child, never a verdict on the document.
inline constexpr int kChildAccepted = 0;  // the report is on the report channel
inline constexpr int kChildFailed = 1;
inline constexpr int kChildRefused = 3;  // the report is on the report channel
// The child could not be confined (Confine failed): it stopped before
// reading anything. Sysexits' EX_OSERR.
inline constexpr int kChildNotConfined = 71;
// The result could not be written because of the disk (IsStorageFault): the
// child wrote what failed on its report channel instead of a report.
// Sysexits' EX_TEMPFAIL.
inline constexpr int kChildStorageFault = 75;

// True when the child ended with a report on its channel.
inline bool Reported(int exit_code) {
  return exit_code == kChildAccepted || exit_code == kChildRefused;
}

}  // namespace dossier
