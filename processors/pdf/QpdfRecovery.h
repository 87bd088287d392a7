#pragma once

#include <string>

namespace dossier {

// True when qpdf can read `pdf` only by working around a fault: a stream
// whose /Length lies, a cross-reference table that points beside its
// objects, a missing `endobj`. Every object and every stream's raw bytes are
// read, as a rewrite would, but nothing is decoded or written. PoDoFo trusts
// such a file as it is and would copy the fault into the output (the bytes
// after a short /Length, `endstream` included, become part of the stream),
// so the file must reach PoDoFo as qpdf rebuilds it. A file qpdf cannot open
// at all is left to the caller (false).
bool NeedsQpdfRecovery(const std::string& pdf);

}  // namespace dossier
