#include "processors/image/HeifModule.h"

#include <dlfcn.h>
#include <gmodule.h>

#include <stdexcept>
#include <string>
#include <vips/vips8>

namespace dossier {
namespace {

// libvips' modules live beside the library: <libdir>/vips-modules-8.14.
std::string ModuleDirectory() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&vips_version), &info) == 0 || !info.dli_fname)
    throw std::runtime_error("libvips: cannot locate libvips itself");
  std::string library = info.dli_fname;
  return library.substr(0, library.rfind('/')) + "/vips-modules-" +
         std::to_string(VIPS_MAJOR_VERSION) + "." + std::to_string(VIPS_MINOR_VERSION);
}

}  // namespace

void LoadHeifModule() {
  std::string path = ModuleDirectory() + "/vips-heif.so";
  // The module's g_module_check_init registers heifload and heifsave and
  // makes the module resident; the handle is not ours to close.
  if (!g_module_open(path.c_str(), G_MODULE_BIND_LAZY))
    throw std::runtime_error("libvips: cannot load " + path + ": " + g_module_error());
}

}  // namespace dossier
