#include "processors/pdf/PdfWrite.h"

namespace dossier {

std::string WritePdf(PoDoFo::PdfMemDocument& doc) {
  doc.SetWriteMode(PoDoFo::ePdfWriteMode_Compact);
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

}  // namespace dossier
