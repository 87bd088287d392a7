#include <gtest/gtest.h>

#include <fstream>
#include <ios>
#include <sstream>
#include <stdexcept>
#include <streambuf>

#include "server/dossier/ZipStream.h"
#include "tests/fixtures/SeededRandom.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

// An output that cannot seek, like an HTTP answer: std::streambuf's
// seekoff/seekpos fail; every byte is appended to `bytes`.
class AppendOnly : public std::streambuf {
 public:
  std::string bytes;

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) bytes.push_back(static_cast<char>(c));
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    bytes.append(data, static_cast<std::size_t>(size));
    return size;
  }
};

// An output whose reader left after `room` bytes.
class LeavesAfter : public std::streambuf {
 public:
  explicit LeavesAfter(std::size_t room) : room_(room) {}

 protected:
  int_type overflow(int_type c) override {
    if (room_ == 0) return traits_type::eof();
    --room_;
    return traits_type::not_eof(c);
  }

 private:
  std::size_t room_;
};

std::string RandomBytes(std::size_t size, std::uint64_t seed) {
  fixtures::SeededRandom random(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random.NextBits() & 0xFF);
  return bytes;
}

struct Item {
  std::string name;
  std::string content;
};

// The archive of `items`, written in blocks of at most 64 KiB as the
// dossier archive does.
std::string Archive(const std::vector<Item>& items,
                    std::uint64_t zip64_offset = ZipStream::kZip64Offset) {
  AppendOnly sink;
  std::ostream out(&sink);
  ZipStream zip(out, zip64_offset);
  for (const Item& item : items) {
    zip.BeginEntry(item.name);
    for (std::size_t at = 0; at < item.content.size(); at += 65536)
      zip.Write(item.content.data() + at, std::min<std::size_t>(65536, item.content.size() - at));
    zip.EndEntry();
  }
  zip.Finish();
  EXPECT_EQ(zip.bytes_written(), sink.bytes.size());
  return sink.bytes;
}

// unzip (Info-ZIP), not our code, reads the archive back.
class Unzipped {
 public:
  explicit Unzipped(const std::string& zip) : file_(zip, ".zip") {}
  testing::CommandResult Test() const { return testing::RunCommand("unzip -t " + Path()); }
  std::vector<std::string> Names() const {
    std::istringstream lines(testing::RunCommand("unzip -Z1 " + Path()).out);
    std::vector<std::string> names;
    for (std::string line; std::getline(lines, line);) names.push_back(line);
    return names;
  }
  std::string Details() const { return testing::RunCommand("zipinfo -v " + Path()).out; }
  std::string Extracted(const std::string& name) const {
    testing::RunCommand("unzip -q -o " + Path() + " -d '" + dir_.path() + "'");
    return testing::ReadFile(dir_.path() + "/" + name);
  }

 private:
  std::string Path() const { return "'" + file_.path() + "'"; }
  testing::TempFile file_;
  testing::TempDir dir_;
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ZipStreamTest, UnzipReadsTheEntriesInTheirOrderWithTheirBytes) {
  std::string large = RandomBytes((1 << 20) + 12345, 7);  // over 1 MiB, many blocks
  std::string small = RandomBytes(1000, 8);
  Unzipped zip(Archive({{"zeta-2.pdf", large}, {"alpha-1.pdf", small}, {"m-erreur.txt", ""}}));
  testing::CommandResult test = zip.Test();
  EXPECT_EQ(test.exit_code, 0) << test.out;
  EXPECT_TRUE(Has(test.out, "No errors detected")) << test.out;
  // The order written, not the alphabetical one.
  EXPECT_EQ(zip.Names(), (std::vector<std::string>{"zeta-2.pdf", "alpha-1.pdf", "m-erreur.txt"}));
  EXPECT_EQ(zip.Extracted("zeta-2.pdf"), large);
  EXPECT_EQ(zip.Extracted("alpha-1.pdf"), small);
  EXPECT_EQ(zip.Extracted("m-erreur.txt"), "");
  std::string details = zip.Details();
  EXPECT_TRUE(Has(details, "compression method:                             none (stored)"))
      << details;
  EXPECT_FALSE(Has(details, "deflated")) << details;
  EXPECT_TRUE(Has(details, "extended local header:                          yes")) << details;
}

TEST(ZipStreamTest, WritesTheCrc32OfTheData) {
  // The check value of CRC-32 (ISO-HDLC): the CRC of "123456789".
  Unzipped zip(Archive({{"check.txt", "123456789"}}));
  EXPECT_TRUE(Has(zip.Details(), "32-bit CRC value (hex):                         cbf43926"))
      << zip.Details();
  // A flipped data byte is caught by unzip's own CRC.
  std::string archive = Archive({{"check.txt", "123456789"}});
  std::size_t data = archive.find("123456789");
  ASSERT_NE(data, std::string::npos);
  archive[data] = '0';
  testing::CommandResult test = Unzipped(archive).Test();
  EXPECT_NE(test.exit_code, 0) << test.out;
  EXPECT_TRUE(Has(test.out, "bad CRC")) << test.out;
}

TEST(ZipStreamTest, Zip64RecordsPastTheOffsetLimit) {
  // The limit lowered to 1000 bytes: the second and third entries start past
  // it, and so does the central directory, as they would past 4 GiB.
  std::string first = RandomBytes(5000, 1), second = RandomBytes(70000, 2);
  std::string archive =
      Archive({{"a.pdf", first}, {"b.pdf", second}, {"c-erreur.txt", "Pas de dossier.\n"}}, 1000);
  EXPECT_TRUE(Has(archive, std::string("PK\x06\x06", 4)));  // ZIP64 end record
  EXPECT_TRUE(Has(archive, std::string("PK\x06\x07", 4)));  // its locator
  Unzipped zip(archive);
  testing::CommandResult test = zip.Test();
  EXPECT_EQ(test.exit_code, 0) << test.out;
  EXPECT_EQ(zip.Names(), (std::vector<std::string>{"a.pdf", "b.pdf", "c-erreur.txt"}));
  EXPECT_EQ(zip.Extracted("b.pdf"), second);
  EXPECT_EQ(zip.Extracted("c-erreur.txt"), "Pas de dossier.\n");
  std::string details = zip.Details();
  EXPECT_TRUE(Has(details, "minimum software version required to extract:   4.5")) << details;
  // The offset of b.pdf's local header, read from its ZIP64 extra field.
  std::size_t b_offset = 30 + 5 + 5000 + 16;
  EXPECT_TRUE(
      Has(details, "offset of local header from start of archive:   " + std::to_string(b_offset)))
      << details;
}

TEST(ZipStreamTest, ALeavingReaderIsAStreamFailure) {
  LeavesAfter sink(100);
  std::ostream out(&sink);
  ZipStream zip(out);
  zip.BeginEntry("a.pdf");
  std::string block(1000, 'x');
  EXPECT_THROW(zip.Write(block.data(), block.size()), std::ios_base::failure);
}

TEST(ZipStreamTest, RefusesWhatWouldNotReadBack) {
  AppendOnly sink;
  std::ostream out(&sink);
  ZipStream zip(out);
  EXPECT_THROW(zip.BeginEntry("../evil.pdf"), std::invalid_argument);
  EXPECT_THROW(zip.BeginEntry("/etc/passwd"), std::invalid_argument);
  EXPECT_THROW(zip.BeginEntry(""), std::invalid_argument);
  zip.BeginEntry("a.pdf");
  char byte = 'x';
  // 4 GiB in one entry: refused before a byte is read.
  EXPECT_THROW(zip.Write(&byte, static_cast<std::size_t>(ZipStream::kMaxEntryBytes) + 1),
               std::length_error);
  EXPECT_THROW(zip.Finish(), std::logic_error);  // an entry still open
  zip.EndEntry();
  zip.Finish();
  EXPECT_EQ(Unzipped(sink.bytes).Test().exit_code, 0);
}

// Past 4 GiB for real: five entries of 1 GiB to a file (about a minute and
// 5 GB of disk), read back by unzip. Run with --gtest_also_run_disabled_tests.
TEST(ZipStreamTest, DISABLED_PastFourGibibytesForReal) {
  testing::TempDir dir;
  std::string path = dir.path() + "/big.zip";
  {
    std::ofstream file(path, std::ios::binary);
    ZipStream zip(file);
    std::string block = RandomBytes(1 << 20, 3);
    for (int entry = 0; entry < 5; ++entry) {
      zip.BeginEntry("e" + std::to_string(entry) + ".pdf");
      for (int mib = 0; mib < 1024; ++mib) zip.Write(block.data(), block.size());
      zip.EndEntry();
    }
    zip.Finish();
    EXPECT_GT(zip.bytes_written(), 5ull << 30);
  }
  testing::CommandResult test = testing::RunCommand("unzip -t '" + path + "'");
  EXPECT_EQ(test.exit_code, 0) << test.out;
  EXPECT_TRUE(Has(testing::RunCommand("zipinfo -v '" + path + "'").out,
                  "offset of local header from start of archive:   " +
                      std::to_string(4 * (30 + 6 + (1ull << 30) + 16))));
}

}  // namespace
}  // namespace dossier
