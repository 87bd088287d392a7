#pragma once

#include <string>
#include <vector>

#include "core/input/InputFile.h"
#include "isolation/ChildExit.h"
#include "workers/run/JobInputs.h"

namespace dossier {

class IneReader;

// Where a job child writes its files (temp paths of the store, published by
// the worker).
struct JobOutputPaths {
  std::string pdf;        // the processed PDF
  std::string thumbnail;  // the JPEG preview of its page 1 (FirstPageThumbnailJpeg)
};

// The whole life of a job child, forked and confined by the worker
// (RunLimitedChild; the inputs are already in memory, the outputs' directory
// is the only one it may write to): runs the pipeline on the inputs and,
// when the pièce is accepted, writes the PDF durably at `paths.pdf` and its
// preview at `paths.thumbnail`, then the JSON report (PieceReport::ToJson) on
// `report_fd`, and exits with kChildAccepted or kChildRefused
// (isolation/ChildExit.h). A preview that cannot be made is left out: the
// pièce does not depend on it. A full or failing disk while either file is
// written ends the child with kChildStorageFault. The child dies with its
// worker (PR_SET_PDEATHSIG). With the escape marker (CarriesEscapeMarker) it
// reports what ProbeEscapes reached, then crashes. `reader` does the INE check when the rules ask
// for it: created once by the worker before the fork, the child inherits it without paying
// Tesseract's start-up.
int ProcessJobInChild(const JobInputs& inputs, IneReader* reader, const JobOutputPaths& paths,
                      int report_fd);

// Fault injection for tests: DOSSIER_FAULT_CRASH_MARKER is set and non-empty
// and one of the files' bytes contains it. The child then raises SIGSEGV
// before parsing, as a parser crashing on a hostile PDF would.
bool CarriesCrashMarker(const std::vector<InputFile>& files);

// Fault injection for tests: DOSSIER_FAULT_NO_SPACE names a file, and while
// that file exists the job child's writes of its result fail with ENOSPC,
// as on a full disk; removing it gives the space back.
bool NoSpaceInjected();

}  // namespace dossier
