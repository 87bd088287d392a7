#pragma once

namespace dossier {

// Makes libvips read HEIC and AVIF (heifload, through libheif with libde265
// and dav1d): loads libvips' HEIF module, the one module the service uses
// (VipsSession starts libvips with none). Called before each HEIF file is
// read; loading again costs nothing, and the module stays resident as
// libvips' types cannot be unregistered. Throws std::runtime_error when the
// module is not installed: a fault of the installation, not of the file.
void LoadHeifModule();

}  // namespace dossier
