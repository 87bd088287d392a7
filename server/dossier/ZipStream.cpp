#include "server/dossier/ZipStream.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <ctime>
#include <ios>
#include <stdexcept>

namespace dossier {
namespace {

// Record signatures and fields of the ZIP format (PKWARE APPNOTE 6.3).
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kDataDescriptor = 0x08074b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kZip64EndRecord = 0x06064b50;
constexpr std::uint32_t kZip64EndLocator = 0x07064b50;
constexpr std::uint32_t kEndRecord = 0x06054b50;
constexpr std::uint16_t kZip64Extra = 0x0001;
constexpr std::uint16_t kVersion = 20;       // 2.0: stored, data descriptor
constexpr std::uint16_t kVersionZip64 = 45;  // 4.5: ZIP64 records
constexpr std::uint16_t kMadeByUnix = 3 << 8;
constexpr std::uint16_t kSizesAfterData = 0x0008;  // general purpose bit 3
constexpr std::uint16_t kStored = 0;
constexpr std::uint32_t kRegularFile0644 = 0100644u << 16;
constexpr std::uint32_t kFull32 = 0xFFFFFFFFu;
constexpr std::uint16_t kFull16 = 0xFFFFu;

void Put16(std::string& bytes, std::uint16_t value) {
  bytes.push_back(static_cast<char>(value & 0xFF));
  bytes.push_back(static_cast<char>(value >> 8));
}

void Put32(std::string& bytes, std::uint32_t value) {
  Put16(bytes, static_cast<std::uint16_t>(value & 0xFFFF));
  Put16(bytes, static_cast<std::uint16_t>(value >> 16));
}

void Put64(std::string& bytes, std::uint64_t value) {
  Put32(bytes, static_cast<std::uint32_t>(value & 0xFFFFFFFFu));
  Put32(bytes, static_cast<std::uint32_t>(value >> 32));
}

// Entry names come from candidature ids; anything a reader could take for
// a path out of the extraction folder is a programming error.
void RequireSafeName(const std::string& name) {
  bool ok = !name.empty() && name.size() < kFull16 && name.front() != '/' &&
            name.find("..") == std::string::npos;
  for (char c : name) ok = ok && c > ' ' && c < 0x7F && c != '\\';
  if (!ok) throw std::invalid_argument("ZIP entry name not allowed: " + name);
}

// The local time in MS-DOS fields, as archivers show it.
void DosNow(std::uint16_t& time, std::uint16_t& date) {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  int year = local.tm_year + 1900 < 1980 ? 1980 : local.tm_year + 1900;
  time =
      static_cast<std::uint16_t>((local.tm_hour << 11) | (local.tm_min << 5) | (local.tm_sec / 2));
  date =
      static_cast<std::uint16_t>(((year - 1980) << 9) | ((local.tm_mon + 1) << 5) | local.tm_mday);
}

}  // namespace

ZipStream::ZipStream(std::ostream& out, std::uint64_t zip64_offset)
    : out_(out), zip64_offset_(zip64_offset < kFull32 ? zip64_offset : kFull32) {}

void ZipStream::Emit(const std::string& bytes) {
  EmitData(bytes.data(), bytes.size());
}

void ZipStream::EmitData(const char* data, std::size_t size) {
  out_.write(data, static_cast<std::streamsize>(size));
  if (!out_) throw std::ios_base::failure("ZIP stream: the output stream failed");
  offset_ += size;
}

void ZipStream::BeginEntry(const std::string& name) {
  if (in_entry_ || finished_) throw std::logic_error("ZIP stream: an entry is open or finished");
  RequireSafeName(name);
  Entry entry;
  entry.name = name;
  entry.offset = offset_;
  entry.crc = static_cast<std::uint32_t>(crc32(0L, Z_NULL, 0));
  DosNow(entry.dos_time, entry.dos_date);
  // CRC and sizes are unknown yet: zero here, in the data descriptor after
  // the data (bit 3), and in the central directory.
  std::string header;
  Put32(header, kLocalHeader);
  Put16(header, kVersion);
  Put16(header, kSizesAfterData);
  Put16(header, kStored);
  Put16(header, entry.dos_time);
  Put16(header, entry.dos_date);
  Put32(header, 0);  // CRC-32
  Put32(header, 0);  // compressed size
  Put32(header, 0);  // size
  Put16(header, static_cast<std::uint16_t>(name.size()));
  Put16(header, 0);  // extra field
  header += name;
  entries_.push_back(std::move(entry));
  in_entry_ = true;
  Emit(header);
}

void ZipStream::Write(const char* data, std::size_t size) {
  if (!in_entry_) throw std::logic_error("ZIP stream: no entry open");
  Entry& entry = entries_.back();
  if (size > kMaxEntryBytes - entry.size)
    throw std::length_error("ZIP stream: entry " + entry.name + " over 4 GiB");
  std::size_t done = 0;
  while (done < size) {  // zlib takes at most UINT_MAX bytes at a time
    std::size_t part = std::min<std::size_t>(size - done, UINT_MAX);
    entry.crc = static_cast<std::uint32_t>(
        crc32(entry.crc, reinterpret_cast<const Bytef*>(data + done), static_cast<uInt>(part)));
    done += part;
  }
  entry.size += static_cast<std::uint32_t>(size);
  EmitData(data, size);
}

void ZipStream::EndEntry() {
  if (!in_entry_) throw std::logic_error("ZIP stream: no entry open");
  const Entry& entry = entries_.back();
  std::string descriptor;
  Put32(descriptor, kDataDescriptor);
  Put32(descriptor, entry.crc);
  Put32(descriptor, entry.size);  // stored: compressed size = size
  Put32(descriptor, entry.size);
  in_entry_ = false;
  Emit(descriptor);
}

void ZipStream::EmitCentralEntry(const Entry& entry) {
  bool zip64 = entry.offset >= zip64_offset_;
  std::string extra;
  if (zip64) {  // only the field that does not fit: the local header's offset
    Put16(extra, kZip64Extra);
    Put16(extra, 8);
    Put64(extra, entry.offset);
  }
  std::string header;
  Put32(header, kCentralHeader);
  Put16(header, kMadeByUnix | kVersionZip64);
  Put16(header, zip64 ? kVersionZip64 : kVersion);
  Put16(header, kSizesAfterData);
  Put16(header, kStored);
  Put16(header, entry.dos_time);
  Put16(header, entry.dos_date);
  Put32(header, entry.crc);
  Put32(header, entry.size);
  Put32(header, entry.size);
  Put16(header, static_cast<std::uint16_t>(entry.name.size()));
  Put16(header, static_cast<std::uint16_t>(extra.size()));
  Put16(header, 0);  // comment
  Put16(header, 0);  // disk number
  Put16(header, 0);  // internal attributes
  Put32(header, kRegularFile0644);
  Put32(header, zip64 ? kFull32 : static_cast<std::uint32_t>(entry.offset));
  header += entry.name;
  header += extra;
  Emit(header);
}

void ZipStream::EmitEnd(std::uint64_t directory_offset, std::uint64_t directory_size) {
  const std::uint64_t count = entries_.size();
  bool offset64 = directory_offset >= zip64_offset_;
  bool size64 = directory_size >= zip64_offset_;
  bool count64 = count >= kFull16;
  std::string end;
  if (offset64 || size64 || count64) {
    std::uint64_t record_offset = offset_;
    Put32(end, kZip64EndRecord);
    Put64(end, 44);  // the size of what follows in this record
    Put16(end, kMadeByUnix | kVersionZip64);
    Put16(end, kVersionZip64);
    Put32(end, 0);  // this disk
    Put32(end, 0);  // the disk of the central directory
    Put64(end, count);
    Put64(end, count);
    Put64(end, directory_size);
    Put64(end, directory_offset);
    Put32(end, kZip64EndLocator);
    Put32(end, 0);  // the disk of the ZIP64 end record
    Put64(end, record_offset);
    Put32(end, 1);  // disks
  }
  Put32(end, kEndRecord);
  Put16(end, 0);
  Put16(end, 0);
  Put16(end, count64 ? kFull16 : static_cast<std::uint16_t>(count));
  Put16(end, count64 ? kFull16 : static_cast<std::uint16_t>(count));
  Put32(end, size64 ? kFull32 : static_cast<std::uint32_t>(directory_size));
  Put32(end, offset64 ? kFull32 : static_cast<std::uint32_t>(directory_offset));
  Put16(end, 0);  // comment
  Emit(end);
}

void ZipStream::Finish() {
  if (in_entry_ || finished_) throw std::logic_error("ZIP stream: an entry is open or finished");
  finished_ = true;
  std::uint64_t directory_offset = offset_;
  for (const Entry& entry : entries_) EmitCentralEntry(entry);
  EmitEnd(directory_offset, offset_ - directory_offset);
  out_.flush();
  if (!out_) throw std::ios_base::failure("ZIP stream: the output stream failed");
}

}  // namespace dossier
