#include "cli/ProcessCommand.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/ProcessOptions.h"
#include "core/json/JsonParseError.h"
#include "core/messages/CandidateMessages.h"
#include "isolation/ChildEnd.h"
#include "isolation/ChildExit.h"
#include "isolation/ChildVerdict.h"
#include "isolation/LimitedChild.h"
#include "isolation/ReportChannel.h"
#include "processors/image/VipsSession.h"
#include "processors/ine/IneReader.h"
#include "processors/ine/OpenMpThreadLimit.h"
#include "processors/pipeline/ProcessPiece.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

// The child's exit codes are the command's: 0 accepted, 3 refused, 1 internal.
constexpr int kAccepted = kChildAccepted, kInternal = kChildFailed, kUsage = 2,
              kRefused = kChildRefused;

PieceRules ResolveRules(const ProcessOptions& options) {
  PiecePolicy policy = options.policy_file.empty() ? PiecePolicy::BuiltIn()
                                                   : PiecePolicy::FromFile(options.policy_file);
  PieceRules rules = policy.RulesFor(options.piece_type);
  if (options.max_bytes) rules.max_bytes = *options.max_bytes;
  if (options.target_dpi) {
    rules.image.dpi = *options.target_dpi;
    rules.image.floor_dpi = std::min(rules.image.floor_dpi, *options.target_dpi);
  }
  if (options.check_ine) rules.check_ine = true;
  if (options.no_check_ine) rules.check_ine = false;
  rules.declared_ine = options.declared_ine;
  return rules;
}

std::uint64_t TotalInputBytes(const ProcessOptions& options) {
  std::uint64_t total = 0;
  for (const std::string& path : options.inputs) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
      throw UsageError("cannot read input file " + path);
    total += static_cast<std::uint64_t>(info.st_size);
  }
  return total;
}

std::string DirectoryOf(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// One sized read per file: a 10 Mo scan is copied once, not three times.
std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

std::vector<InputFile> ReadInputs(const ProcessOptions& options) {
  std::vector<InputFile> inputs;
  for (const std::string& path : options.inputs)
    inputs.push_back({BaseName(path), ReadWhole(path)});
  return inputs;
}

bool WriteDurably(const std::string& path, const std::string& bytes) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  bool ok = done == bytes.size() && fsync(fd) == 0;
  return close(fd) == 0 && ok;
}

// Prints each pipeline step on stderr for a person watching a long pièce.
class StderrProgress : public PieceProgress {
 public:
  void OnStep(const std::string& step, int done, int total) override {
    std::fprintf(stderr, "dossier: %s %d/%d\n", step.c_str(), done + 1, total);
  }
};

// The child's whole life: parse, write the PDF beside OUT, report on `fd`.
int ProcessInChild(const ProcessOptions& options, const PieceRules& rules,
                   const std::string& partial, int fd) {
  VipsSession vips("dossier");
  StderrProgress progress;
  std::unique_ptr<IneReader> reader;
  if (rules.check_ine) reader = std::make_unique<IneReader>();
  PieceOutcome outcome = ProcessPiece(ReadInputs(options), rules, HardLimits{},
                                      options.progress ? &progress : nullptr, reader.get());
  if (outcome.report.accepted && !WriteDurably(partial, outcome.pdf)) return kInternal;
  if (!WriteAll(fd, outcome.report.ToJson())) return kInternal;
  return outcome.report.accepted ? kAccepted : kRefused;
}

// The report when the child did not give one: it crashed or ran out of time.
std::string ChildFailureReport(const ChildResult& result, const PieceRules& rules,
                               std::uint64_t input_bytes, int max_seconds) {
  PieceReport report;
  report.piece_type = rules.code;
  report.max_bytes = rules.max_bytes;
  report.input_bytes = input_bytes;
  report.elapsed_ms = result.elapsed_ms;
  if (VerdictOf(result) == ChildVerdict::TimedOut) {
    report.reason = RefusalReason::Limits;
    report.message = TimedOutMessage(max_seconds);
    report.detail = "worker stopped after " + std::to_string(max_seconds) + " s";
  } else {
    report.reason = RefusalReason::Corrupt;
    report.message = WorkerCrashedMessage();
    report.detail = "worker ended by " + SignalName(result.signal);
  }
  return report.ToJson();
}

int Run(const ProcessOptions& options, char** argv) {
  PieceRules rules = ResolveRules(options);
  if (rules.check_ine) EnsureOpenMpThreadLimit(argv);  // before anything else runs
  std::uint64_t input_bytes = TotalInputBytes(options);
  std::string partial = options.output + ".partial";
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(options.max_seconds);
  limits.cpu_seconds = options.max_seconds;
  limits.address_space_bytes = static_cast<std::uint64_t>(options.max_memory_mb) << 20;
  // The child reads the inputs and writes OUT.pdf.partial beside OUT, nothing else.
  Confinement confinement;
  confinement.read_paths = options.inputs;
  confinement.write_dirs = {DirectoryOf(partial)};
  limits.confinement = confinement;
  ChildResult result =
      RunLimitedChild([&](int fd) { return ProcessInChild(options, rules, partial, fd); }, limits);
  ChildVerdict verdict = VerdictOf(result);
  bool crashed = verdict == ChildVerdict::Crashed || verdict == ChildVerdict::TimedOut;
  if (verdict != ChildVerdict::Reported && !crashed) {
    std::remove(partial.c_str());
    std::cerr << "dossier: internal error while processing the pièce\n";
    return kInternal;
  }
  if (crashed || result.exit_code != kAccepted) {
    // A refused pièce leaves no OUT.pdf, not even one from an earlier run.
    std::remove(options.output.c_str());
  }
  if (crashed) {
    std::remove(partial.c_str());
    std::cout << ChildFailureReport(result, rules, input_bytes, options.max_seconds) << "\n";
    return kRefused;
  }
  // The child's report is read as one before it is printed: a child that
  // wrote anything else is an internal error, never a report.
  PieceReport report;
  try {
    report = PieceReport::FromJson(result.output);
  } catch (const JsonParseError& error) {
    std::remove(partial.c_str());
    std::cerr << "dossier: internal error: " << error.what() << "\n";
    return kInternal;
  }
  if (result.exit_code == kAccepted && std::rename(partial.c_str(), options.output.c_str()) != 0) {
    std::cerr << "dossier: cannot write " << options.output << "\n";
    return kInternal;
  }
  std::cout << report.ToJson() << "\n";
  return result.exit_code;
}

}  // namespace

int RunProcessCommand(const std::vector<std::string>& args, char** argv) {
  try {
    return Run(ParseProcessOptions(args), argv);
  } catch (const UsageError& error) {
    std::cerr << "dossier process: " << error.what() << "\n" << kProcessUsage;
    return kUsage;
  } catch (const PolicyError& error) {
    std::cerr << "dossier process: " << error.what() << "\n";
    return kUsage;
  }
}

}  // namespace dossier
