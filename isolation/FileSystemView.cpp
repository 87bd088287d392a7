#include "isolation/FileSystemView.h"

#include <fcntl.h>
#include <linux/landlock.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace dossier {
namespace {

// The access rights by ABI, spelt here: the distribution's headers may be
// older than the kernel.
constexpr std::uint64_t kExecute = 1ull << 0, kWriteFile = 1ull << 1, kReadFile = 1ull << 2,
                        kReadDir = 1ull << 3, kRemoveFile = 1ull << 5, kMakeReg = 1ull << 8,
                        kTruncate = 1ull << 14;
constexpr std::uint64_t kAbi1Fs = (1ull << 13) - 1;  // execute … make_sym
constexpr std::uint64_t kRefer = 1ull << 13, kIoctlDev = 1ull << 15;
constexpr std::uint64_t kNetBindTcp = 1ull << 0, kNetConnectTcp = 1ull << 1;
constexpr std::uint64_t kScopeAbstractUnix = 1ull << 0, kScopeSignal = 1ull << 1;
constexpr std::uint64_t kRead = kReadFile | kReadDir;
constexpr std::uint64_t kFileRights = kExecute | kWriteFile | kReadFile | kTruncate | kIoctlDev;

// landlock_ruleset_attr as of ABI 6; its size tells the kernel which fields
// we know.
struct RulesetAttr {
  std::uint64_t handled_access_fs;
  std::uint64_t handled_access_net;
  std::uint64_t scoped;
};

struct PathBeneathAttr {
  std::uint64_t allowed_access;
  std::int32_t parent_fd;
} __attribute__((packed));

std::uint64_t HandledFs(int abi) {
  std::uint64_t fs = kAbi1Fs;
  if (abi >= 2) fs |= kRefer;
  if (abi >= 3) fs |= kTruncate;
  if (abi >= 5) fs |= kIoctlDev;
  return fs;
}

// Owns the ruleset descriptor.
class Ruleset {
 public:
  explicit Ruleset(int abi) : handled_(HandledFs(abi)) {
    RulesetAttr attr{handled_, abi >= 4 ? kNetBindTcp | kNetConnectTcp : 0,
                     abi >= 6 ? kScopeAbstractUnix | kScopeSignal : 0};
    std::size_t size = abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
    fd_ = static_cast<int>(syscall(SYS_landlock_create_ruleset, &attr, size, 0));
    if (fd_ < 0) throw std::runtime_error(std::string("landlock: ") + std::strerror(errno));
  }
  ~Ruleset() { close(fd_); }
  Ruleset(const Ruleset&) = delete;
  Ruleset& operator=(const Ruleset&) = delete;

  // Allows `access` beneath `path`; a path that does not exist is skipped.
  void Allow(const std::string& path, std::uint64_t access) {
    int parent = open(path.c_str(), O_PATH | O_CLOEXEC);
    if (parent < 0) return;
    struct stat info {};
    bool directory = fstat(parent, &info) == 0 && S_ISDIR(info.st_mode);
    PathBeneathAttr rule{(directory ? access : access & kFileRights) & handled_, parent};
    long added = rule.allowed_access == 0
                     ? 0
                     : syscall(SYS_landlock_add_rule, fd_, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
    int error = errno;
    close(parent);
    if (added != 0) throw std::runtime_error("landlock: " + path + ": " + std::strerror(error));
  }
  void Enforce() {
    if (syscall(SYS_landlock_restrict_self, fd_, 0) != 0)
      throw std::runtime_error(std::string("landlock: ") + std::strerror(errno));
  }

 private:
  std::uint64_t handled_;
  int fd_ = -1;
};

void AllowLibraries(Ruleset& rules) {
  for (const char* path :
       {"/usr", "/lib", "/lib64", "/etc/fonts", "/etc/ld.so.cache", "/etc/localtime",
        "/var/cache/fontconfig", "/dev/urandom", "/sys/devices/system/cpu"})
    rules.Allow(path, kRead);
  rules.Allow("/dev/null", kReadFile | kWriteFile | kTruncate);
  // Set by the operator to a model or font directory outside /usr.
  for (const char* variable : {"TESSDATA_PREFIX", "FONTCONFIG_PATH"})
    if (const char* path = std::getenv(variable)) rules.Allow(path, kRead);
}

}  // namespace

int LandlockAbi() {
  long abi = syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  return abi > 0 ? static_cast<int>(abi) : 0;
}

bool RestrictFileSystem(const Confinement& confinement, const std::string& scratch_dir) {
  int abi = LandlockAbi();
  if (abi == 0) return false;
  Ruleset rules(abi);
  AllowLibraries(rules);
  for (const std::string& path : confinement.read_paths) rules.Allow(path, kRead);
  for (const std::string& dir : confinement.write_dirs)
    rules.Allow(dir, kWriteFile | kTruncate | kMakeReg | kRemoveFile);
  if (!scratch_dir.empty()) rules.Allow(scratch_dir, HandledFs(abi) & ~kExecute);
  rules.Enforce();
  return true;
}

}  // namespace dossier
