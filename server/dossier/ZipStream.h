#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace dossier {

// A ZIP archive written front to back on a stream that cannot seek (an HTTP
// answer), so that each entry leaves as soon as it is written: stored
// entries (no compression: PDFs are compressed already), each followed by a
// data descriptor with its CRC-32 and size, then the central directory in
// the order the entries were added. ZIP64 records are written once an
// offset reaches 4 GiB; one entry stays under 4 GiB. Holds a few dozen bytes
// per entry, never the data.
//
// A stream that fails (the client left) throws std::ios_base::failure from
// the call that wrote to it.
class ZipStream {
 public:
  // Offsets from this one on are written in ZIP64 records. Lower only in
  // tests, to read the ZIP64 records without writing 4 GiB.
  static constexpr std::uint64_t kZip64Offset = 0xFFFFFFFFu;
  // The largest entry (its sizes are 32-bit fields).
  static constexpr std::uint64_t kMaxEntryBytes = 0xFFFFFFFEu;

  explicit ZipStream(std::ostream& out, std::uint64_t zip64_offset = kZip64Offset);

  // `name`: a relative path of printable ASCII, '/' separated.
  void BeginEntry(const std::string& name);
  // Throws std::length_error past kMaxEntryBytes (nothing written then).
  void Write(const char* data, std::size_t size);
  void EndEntry();
  // The central directory and the end records; nothing may be added after.
  void Finish();

  std::uint64_t bytes_written() const { return offset_; }

 private:
  struct Entry {
    std::string name;
    std::uint32_t crc = 0;
    std::uint32_t size = 0;
    std::uint64_t offset = 0;  // of its local header
    std::uint16_t dos_time = 0;
    std::uint16_t dos_date = 0;
  };

  void Emit(const std::string& bytes);
  void EmitData(const char* data, std::size_t size);
  void EmitCentralEntry(const Entry& entry);
  void EmitEnd(std::uint64_t directory_offset, std::uint64_t directory_size);

  std::ostream& out_;
  std::uint64_t zip64_offset_;
  std::uint64_t offset_ = 0;
  std::vector<Entry> entries_;
  bool in_entry_ = false;
  bool finished_ = false;
};

}  // namespace dossier
