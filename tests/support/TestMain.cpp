// Test entry point: libvips is process-wide, so it starts once here.
#include <gtest/gtest.h>

#include "processors/image/VipsSession.h"
#include "processors/ine/OpenMpThreadLimit.h"
#include "processors/pdf/QuietPodofo.h"

int main(int argc, char** argv) {
  dossier::EnsureOpenMpThreadLimit(argv);
  ::testing::InitGoogleTest(&argc, argv);
  dossier::VipsSession vips(argv[0]);
  dossier::QuietPodofo();
  return RUN_ALL_TESTS();
}
