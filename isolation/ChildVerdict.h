#pragma once

#include "isolation/ChildResult.h"

namespace dossier {

// What a pipeline child's end means for its caller, decided here once for the
// worker and `dossier process`.
enum class ChildVerdict {
  Reported,      // exited accepted or refused: its report is the output
  StorageFault,  // the disk failed while it wrote its result: the output says how
  NotConfined,   // it stopped before reading anything: our fault
  Crashed,       // a signal (SIGSEGV, SIGKILL of RLIMIT_AS or RLIMIT_CPU…)
  NoReport,      // another exit code: an exception, a report it could not write
  TimedOut,      // killed at the wall-clock deadline
  Cancelled,     // killed because the caller said stop
  NotStarted,    // fork failed
};

ChildVerdict VerdictOf(const ChildResult& result);

}  // namespace dossier
