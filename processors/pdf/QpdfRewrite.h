#pragma once

#include <string>

namespace dossier {

// Result of handing a PDF to qpdf.
struct QpdfRewrite {
  std::string bytes;      // a clean, unencrypted PDF
  bool was_encrypted = false;
};

// Reads a PDF with qpdf, which reconstructs broken cross-reference tables and
// decrypts files whose user password is empty (common for school
// transcripts), and writes it back clean for PoDoFo. Throws Refusal
// (encrypted) when a password is needed, Refusal (corrupt) when qpdf cannot
// make sense of it either.
QpdfRewrite RewriteWithQpdf(const std::string& bytes, const std::string& name);

}  // namespace dossier
