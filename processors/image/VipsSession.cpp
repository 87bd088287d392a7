#include "processors/image/VipsSession.h"

#include <cstdlib>
#include <stdexcept>
#include <vips/vips8>

namespace dossier {

VipsSession::VipsSession(const char* program_name) {
  // libvips loads its plugin modules (ImageMagick, OpenSlide, poppler, HEIF,
  // JPEG XL) from $VIPSHOME at start-up. JPEG, PNG, WebP and TIFF are built
  // in: pointing VIPSHOME nowhere skips two thirds of the start-up (30 →
  // 10 ms, paid by every `dossier process`) and keeps those parsers away
  // from hostile files. The HEIF module alone is loaded when a HEIC or AVIF
  // comes (LoadHeifModule), another 10 ms only those files pay.
  setenv("VIPSHOME", "/nonexistent/dossier-no-vips-modules", 1);
  if (VIPS_INIT(program_name)) throw std::runtime_error("libvips failed to start");
  vips_block_untrusted_set(TRUE);
  vips_cache_set_max(0);
  // Warnings about damaged files go into our reports, not to stderr.
  g_log_set_handler(
      "VIPS", G_LOG_LEVEL_WARNING, [](const char*, GLogLevelFlags, const char*, void*) {}, nullptr);
}

VipsSession::~VipsSession() {
  vips_shutdown();
}

}  // namespace dossier
