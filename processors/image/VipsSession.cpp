#include "processors/image/VipsSession.h"

#include <stdexcept>
#include <vips/vips8>

namespace dossier {

VipsSession::VipsSession(const char* program_name) {
  if (VIPS_INIT(program_name)) throw std::runtime_error("libvips failed to start");
  vips_cache_set_max(0);
  // Warnings about damaged files go into our reports, not to stderr.
  g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, [](const char*, GLogLevelFlags, const char*, void*) {}, nullptr);
}

VipsSession::~VipsSession() { vips_shutdown(); }

}  // namespace dossier
