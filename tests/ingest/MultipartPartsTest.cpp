// MultipartParts: the block reader every uploaded byte goes through. A part
// must come out byte for byte wherever its delimiter falls against the
// reader's blocks, near-misses of the delimiter are data, and a hostile or
// broken body is an error, never a part cut somewhere.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/errors/ClientError.h"
#include "ingest/upload/MultipartParts.h"

namespace dossier {
namespace {

const std::string kBoundary = "----DossierBoundary9QxZ";

struct ReadPart {
  std::string disposition;
  std::string bytes;
};

// Every part of `body`, each read `step` bytes at a time.
std::vector<ReadPart> ReadAll(const std::string& body, std::size_t step = 65536,
                              std::size_t buffer = 65536) {
  std::istringstream in(body);
  MultipartParts parts(in, kBoundary, buffer);
  std::vector<ReadPart> read;
  Poco::Net::MessageHeader header;
  std::vector<char> chunk(step);
  while (parts.Next(header)) {
    ReadPart part{header.get("Content-Disposition", ""), ""};
    while (std::size_t got = parts.Read(chunk.data(), chunk.size()))
      part.bytes.append(chunk.data(), got);
    read.push_back(part);
  }
  return read;
}

std::string Part(const std::string& name, const std::string& bytes,
                 const std::string& eol = "\r\n") {
  return "--" + kBoundary + eol + "Content-Disposition: form-data; name=\"" + name + "\"" + eol +
         eol + bytes + eol;
}

std::string Close(const std::string& eol = "\r\n") {
  return "--" + kBoundary + "--" + eol;
}

// Bytes of every value, CR and LF included.
std::string Binary(std::size_t size, unsigned seed) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + seed * 7) % 256);
  return bytes;
}

std::string ErrorOf(const std::string& body) {
  try {
    ReadAll(body);
  } catch (const ClientError& error) {
    return error.what();
  }
  return "";
}

TEST(MultipartPartsTest, PartsComeOutByteForByteWhereverTheDelimiterFallsAgainstTheBlocks) {
  const std::size_t block = 65536;
  // The delimiter of the first part lands at every offset around the end of
  // the first block, and of the second around the end of the second.
  for (std::size_t size = block - 90; size <= block + 40; ++size) {
    std::string first = Binary(size, 1), second = Binary(block + 7, 2);
    std::vector<ReadPart> parts =
        ReadAll(Part("a", first) + Part("b", second) + Close(), block, block);
    ASSERT_EQ(parts.size(), 2u) << size;
    ASSERT_EQ(parts[0].bytes, first) << size;
    ASSERT_EQ(parts[1].bytes, second) << size;
  }
}

TEST(MultipartPartsTest, SmallReadsGiveTheSameBytesAsLargeOnes) {
  std::string bytes = Binary(200000, 3);
  std::string body = Part("file", bytes) + Close();
  EXPECT_EQ(ReadAll(body, 1).at(0).bytes, bytes);
  EXPECT_EQ(ReadAll(body, 4093).at(0).bytes, bytes);
}

TEST(MultipartPartsTest, NearMissesOfTheDelimiterAreData) {
  std::string bytes = "a\r\n--" + kBoundary.substr(0, kBoundary.size() - 1) + "b\r\n--\r\n-" +
                      "\n-" + kBoundary + "\r--" + kBoundary + "x\r\n--" + kBoundary.substr(0, 5);
  std::vector<ReadPart> parts = ReadAll(Part("file", bytes) + Close());
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].bytes, bytes);
}

TEST(MultipartPartsTest, ReadsBareLineFeedsPreambleEpilogueAndPadding) {
  std::string body = "preamble, ignored\r\n" + Part("a", "un\r\ndeux", "\n") + "--" + kBoundary +
                     " \t\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n" + Close() +
                     "epilogue, ignored\r\n";
  std::vector<ReadPart> parts = ReadAll(body);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].disposition, "form-data; name=\"a\"");
  EXPECT_EQ(parts[0].bytes, "un\r\ndeux");
  EXPECT_EQ(parts[1].disposition, "form-data; name=\"b\"");
  EXPECT_EQ(parts[1].bytes, "");
}

TEST(MultipartPartsTest, NextSkipsWhatIsLeftOfAPartAndJoinsFoldedHeaderLines) {
  std::string body = Part("a", Binary(300000, 4)) + "--" + kBoundary +
                     "\r\nContent-Disposition: form-data;\r\n name=\"file\"; filename=\"x.pdf\"\r\n"
                     "Content-Type: application/pdf\r\n\r\n%PDF\r\n" +
                     Close();
  std::istringstream in(body);
  MultipartParts parts(in, kBoundary);
  Poco::Net::MessageHeader header;
  ASSERT_TRUE(parts.Next(header));
  char some[10];
  EXPECT_EQ(parts.Read(some, sizeof some), sizeof some);
  ASSERT_TRUE(parts.Next(header));
  EXPECT_EQ(header.get("Content-Disposition"), "form-data; name=\"file\"; filename=\"x.pdf\"");
  EXPECT_EQ(header.get("Content-Type"), "application/pdf");
  char pdf[16];
  EXPECT_EQ(std::string(pdf, parts.Read(pdf, sizeof pdf)), "%PDF");
  EXPECT_EQ(parts.Read(pdf, sizeof pdf), 0u);
  EXPECT_FALSE(parts.Next(header));
  EXPECT_FALSE(parts.Next(header));
}

TEST(MultipartPartsTest, ABrokenBodyIsAnErrorNotAPart) {
  EXPECT_NE(ErrorOf("no delimiter here at all\r\n"), "");
  EXPECT_NE(ErrorOf(Part("file", Binary(100000, 5))), "") << "no closing delimiter";
  EXPECT_NE(ErrorOf("--" + kBoundary + "\r\nContent-Disposition: form-data"), "")
      << "cut inside a header";
  EXPECT_NE(ErrorOf("--" + kBoundary + "garbage\r\n\r\n" + Close()), "");
  EXPECT_NE(ErrorOf("--" + kBoundary + "\r\nno colon in this line\r\n\r\nx\r\n" + Close()), "");
  EXPECT_NE(ErrorOf("--" + kBoundary + "\r\n folded first\r\n\r\nx\r\n" + Close()), "");
}

TEST(MultipartPartsTest, APartHeaderIsCappedInLineLengthAndFieldCount) {
  std::string long_line = "--" + kBoundary +
                          "\r\nX-Long: " + std::string(MultipartParts::kMaxHeaderLine, 'a') +
                          "\r\n\r\nx\r\n" + Close();
  EXPECT_NE(ErrorOf(long_line).find("too long"), std::string::npos);
  std::string endless = "--" + kBoundary + "\r\nX-Endless: " + std::string(200000, 'a');
  EXPECT_NE(ErrorOf(endless).find("too long"), std::string::npos);
  std::string fields = "--" + kBoundary + "\r\n";
  for (int i = 0; i <= MultipartParts::kMaxHeaderFields; ++i)
    fields += "X-" + std::to_string(i) + ": v\r\n";
  EXPECT_NE(ErrorOf(fields + "\r\nx\r\n" + Close()).find("too many"), std::string::npos);
  std::string just_enough = "--" + kBoundary + "\r\n";
  for (int i = 0; i < MultipartParts::kMaxHeaderFields; ++i)
    just_enough += "X-" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(ReadAll(just_enough + "\r\nx\r\n" + Close()).at(0).bytes, "x");
}

}  // namespace
}  // namespace dossier
