#pragma once

#include <vips/vips.h>

#include <string>

namespace dossier {

// Owns a VipsBlob returned by a vips *save_buffer call, and copies it out.
class VipsBlob {
 public:
  explicit VipsBlob(::VipsBlob* blob) : blob_(blob) {}
  ~VipsBlob() {
    if (blob_) vips_area_unref(VIPS_AREA(blob_));
  }
  VipsBlob(const VipsBlob&) = delete;
  VipsBlob& operator=(const VipsBlob&) = delete;

  std::string bytes() const {
    size_t size = 0;
    const void* data = vips_blob_get(blob_, &size);
    return std::string(static_cast<const char*>(data), size);
  }

 private:
  ::VipsBlob* blob_;
};

}  // namespace dossier
