#include "server/dossier/DossierArchive.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ios>
#include <memory>
#include <optional>
#include <stdexcept>

#include "core/errors/ClientError.h"
#include "core/messages/DossierZipMessages.h"
#include "server/dossier/DossierPdf.h"
#include "server/dossier/ZipStream.h"

namespace dossier {
namespace {

// Memory per archive, whatever the dossiers weigh.
constexpr std::size_t kBlockBytes = 64 << 10;

class OpenFile {
 public:
  explicit OpenFile(int fd) : fd_(fd) {}
  ~OpenFile() { ::close(fd_); }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// The dossier's PDF, opened. A request for the same candidature may replace
// the cached file between PathFor and open (something changed meanwhile):
// asked again once.
std::unique_ptr<OpenFile> OpenDossier(DossierPdf& dossiers, const std::string& id) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::string path = dossiers.PathFor(id);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) return std::make_unique<OpenFile>(fd);
  }
  throw std::runtime_error("dossier " + id + ": its PDF vanished twice");
}

std::optional<std::uint64_t> SizeOf(const OpenFile& file) {
  struct stat info {};
  if (::fstat(file.fd(), &info) != 0) return std::nullopt;
  return static_cast<std::uint64_t>(info.st_size);
}

void CopyInto(ZipStream& zip, const OpenFile& file, const std::string& id) {
  std::unique_ptr<char[]> block(new char[kBlockBytes]);
  for (;;) {
    ssize_t got = ::read(file.fd(), block.get(), kBlockBytes);
    if (got == 0) return;
    if (got < 0) throw std::runtime_error("dossier " + id + ": reading its PDF failed");
    zip.Write(block.get(), static_cast<std::size_t>(got));
  }
}

void WriteText(ZipStream& zip, const std::string& name, const std::string& text) {
  zip.BeginEntry(name);
  zip.Write(text.data(), text.size());
  zip.EndEntry();
}

// "{id}.pdf", or "{id}-erreur.txt" when the dossier cannot be had. A failure
// of the stream itself (std::ios_base::failure) goes up.
void WriteDossier(ZipStream& zip, DossierPdf& dossiers, const std::string& id) {
  std::unique_ptr<OpenFile> file;
  std::optional<std::uint64_t> size;
  try {
    file = OpenDossier(dossiers, id);
    size = SizeOf(*file);
  } catch (const ClientError& error) {  // busy; or nothing to show yet, or removed since
    return WriteText(zip, id + "-erreur.txt",
                     error.code() == ErrorCode::kBusy ? messages::DossierBusyInArchive(id)
                                                      : messages::DossierNotReadyInArchive(id));
  } catch (const std::exception&) {  // assembling failed (GET …/dossier.pdf logs why)
    return WriteText(zip, id + "-erreur.txt", messages::DossierFailedInArchive(id));
  }
  if (!size || *size > ZipStream::kMaxEntryBytes)
    return WriteText(zip, id + "-erreur.txt", messages::DossierFailedInArchive(id));
  zip.BeginEntry(id + ".pdf");
  CopyInto(zip, *file, id);
  zip.EndEntry();
}

}  // namespace

DossierArchive::DossierArchive(DossierPdf& dossiers, std::function<bool()> reader_left)
    : dossiers_(dossiers), reader_left_(std::move(reader_left)) {}

bool DossierArchive::Write(const std::vector<std::string>& ids, std::ostream& out) {
  ZipStream zip(out);
  try {
    for (const std::string& id : ids) {
      if (reader_left_()) return false;
      WriteDossier(zip, dossiers_, id);
      out.flush();  // this dossier leaves now, before the next is assembled
    }
    zip.Finish();
  } catch (const std::ios_base::failure&) {
    return false;  // the reader left in the middle of a write
  }
  return true;
}

}  // namespace dossier
