#pragma once

#include <string>
#include <vector>

namespace dossier {

// What a confined child may still reach. Everything else of the machine is
// out of its reach once Confine has run: other descriptors, the environment's
// secrets, the network, other files.
struct Confinement {
  std::vector<std::string> read_paths;  // files or directories, read-only
  std::vector<std::string> write_dirs;  // directories where it creates its outputs
  std::vector<int> kept_fds;            // open beside 0-2 and the report channel
  // Where RunLimitedChild makes the child's private scratch directory
  // (TMPDIR inside the child, removed after it); "" for $TMPDIR or /tmp.
  std::string scratch_parent;
};

// Which layers took hold, for tests and benchmarks.
struct ConfinementLayers {
  bool no_new_privs = false;
  bool own_network = false;  // false where unshare(CLONE_NEWNET) is not permitted
  bool file_system = false;  // false where the kernel has no Landlock
  bool syscall_filter = false;
};

// Confines the calling process, which must be single-threaded (a freshly
// forked child; Landlock and seccomp bind the calling thread and the threads
// it starts afterwards): no new privileges, every descriptor closed but 0-2,
// `report_fd` and `confinement.kept_fds`, an environment without secrets
// (TMPDIR set to `scratch_dir` when given), a network namespace of its own,
// a file-system view limited to `confinement` and read-only libraries and
// data (Landlock), and a seccomp filter that denies sockets, exec, ptrace,
// mounts, keys, bpf and the like. The network namespace and Landlock are
// skipped where the platform has or permits neither. Throws
// std::runtime_error when a layer that must hold (no_new_privs, Landlock
// where the kernel has it, the syscall filter) could not be applied.
ConfinementLayers Confine(const Confinement& confinement, int report_fd,
                          const std::string& scratch_dir);

}  // namespace dossier
