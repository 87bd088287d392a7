#include "processors/pdf/SignatureProbe.h"

namespace dossier {
namespace {

bool IsSignatureDictionary(const PoDoFo::PdfObject& object) {
  if (!object.IsDictionary()) return false;
  const PoDoFo::PdfDictionary& dict = object.GetDictionary();
  if (!dict.HasKey("ByteRange")) return false;
  const PoDoFo::PdfObject* type = dict.GetKey(PoDoFo::PdfName::KeyType);
  if (type && type->IsName())
    return type->GetName() == PoDoFo::PdfName("Sig") ||
           type->GetName() == PoDoFo::PdfName("DocTimeStamp");
  // /Type is optional in a signature dictionary; /Contents is not.
  return dict.HasKey("Contents");
}

}  // namespace

bool HasSignature(const PoDoFo::PdfMemDocument& doc) {
  const PoDoFo::PdfVecObjects& objects = doc.GetObjects();
  for (auto it = objects.begin(); it != objects.end(); ++it) {
    try {
      if (*it && IsSignatureDictionary(**it)) return true;
    } catch (const PoDoFo::PdfError&) {
      // An object PoDoFo cannot parse is not a signature it can keep.
    }
  }
  return false;
}

}  // namespace dossier
