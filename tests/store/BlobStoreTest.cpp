#include <gtest/gtest.h>

#include "store/blobs/BlobStore.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

using testing::RunCommand;
using testing::TempDir;

std::string FilesUnder(const std::string& dir) {
  return RunCommand("find " + dir + " -type f | sort").out;
}

TEST(BlobStore, AFinishedWriteIsReadableUnderItsKeyAndLeavesNoTempFile) {
  TempDir data;
  BlobStore store(data.path());
  std::string key = store.NewKey("files");
  EXPECT_EQ(key.rfind("files/", 0), 0u);
  BlobWriter writer(store, key);
  writer.Write("%PDF-1.7 ", 9);
  writer.Write("body", 4);
  writer.Finish();
  EXPECT_EQ(store.Read(key), "%PDF-1.7 body");
  EXPECT_EQ(RunCommand("ls " + data.path() + "/tmp | wc -l").out, "0\n");
}

TEST(BlobStore, AnAbandonedWriteLeavesNothingBehind) {
  TempDir data;
  BlobStore store(data.path());
  std::string key = store.NewKey("results");
  {
    BlobWriter writer(store, key);
    writer.Write("half", 4);
  }
  EXPECT_EQ(FilesUnder(data.path()), "");
  EXPECT_THROW(store.Read(key), BlobError);
}

TEST(BlobStore, KeysItCouldNotHaveMadeAreRefused) {
  TempDir data;
  BlobStore store(data.path());
  EXPECT_THROW(store.PathOf("../secret"), BlobError);
  EXPECT_THROW(store.PathOf("files/../../etc/passwd"), BlobError);
  EXPECT_THROW(store.PathOf("/etc/passwd"), BlobError);
  EXPECT_THROW(BlobWriter(store, "secret"), BlobError);
  EXPECT_NE(store.NewKey("files"), store.NewKey("files"));
}

}  // namespace
}  // namespace dossier
