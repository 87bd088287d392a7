#include "isolation/SyscallFilter.h"

#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace dossier {
namespace {

const char* const kDenied[] = {
    // the network, and the database's Unix socket
    "socket", "connect", "bind", "listen", "accept", "accept4",
    // becoming another program
    "execve", "execveat",
    // other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "kcmp",
    // mounts and namespaces
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "open_tree", "move_mount",
    "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    // the kernel's attack surface
    "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd", "io_uring_setup",
    "io_uring_enter", "io_uring_register", "init_module", "finit_module", "delete_module",
    "kexec_load", "kexec_file_load", "open_by_handle_at", "name_to_handle_at", "fanotify_init",
    "uselib", "lookup_dcookie", "iopl", "ioperm",
    // the host
    "reboot", "swapon", "swapoff", "acct", "quotactl", "syslog", "settimeofday", "clock_settime",
    "clock_adjtime", "adjtimex", "sethostname", "setdomainname", "vhangup"};

const unsigned long kNamespaceFlags[] = {CLONE_NEWNS,  CLONE_NEWUSER, CLONE_NEWPID,   CLONE_NEWNET,
                                         CLONE_NEWIPC, CLONE_NEWUTS,  CLONE_NEWCGROUP};

// Owns a libseccomp context.
class FilterContext {
 public:
  FilterContext() : context_(seccomp_init(SCMP_ACT_ALLOW)) {
    if (!context_) throw std::runtime_error("seccomp_init failed");
  }
  ~FilterContext() { seccomp_release(context_); }
  FilterContext(const FilterContext&) = delete;
  FilterContext& operator=(const FilterContext&) = delete;

  void Deny(const char* name) {
    int number = seccomp_syscall_resolve_name(name);
    if (number == __NR_SCMP_ERROR) return;  // unknown to this architecture
    Check(seccomp_rule_add(context_, SCMP_ACT_ERRNO(EPERM), number, 0), name);
  }
  template <typename... Conditions>
  void Fail(int error, int number, const char* name, Conditions... conditions) {
    Check(seccomp_rule_add(context_, SCMP_ACT_ERRNO(error), number, sizeof...(conditions),
                           conditions...),
          name);
  }
  void Load() { Check(seccomp_load(context_), "seccomp_load"); }

 private:
  static void Check(int result, const char* what) {
    if (result < 0)
      throw std::runtime_error(std::string("seccomp: ") + what + ": " + std::strerror(-result));
  }
  scmp_filter_ctx context_;
};

}  // namespace

void DenyDangerousSyscalls() {
  FilterContext filter;
  for (const char* name : kDenied) filter.Deny(name);
  filter.Fail(ENOSYS, SCMP_SYS(clone3), "clone3");
  for (unsigned long flag : kNamespaceFlags)
    filter.Fail(EPERM, SCMP_SYS(clone), "clone", SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag));
  filter.Fail(EPERM, SCMP_SYS(ioctl), "ioctl", SCMP_A1(SCMP_CMP_EQ, TIOCSTI));
  filter.Load();
}

}  // namespace dossier
