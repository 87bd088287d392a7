#pragma once

#include <stdexcept>
#include <string>

#include "core/receipt/DepositReceipt.h"

namespace dossier {

class ReceiptPdfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The récépissé de dépôt as a PDF of one page (two when the pièces are
// many): the date of the transmission in Paris time, the candidature, the
// formation, the declared INE, then a table of the pièces with their status,
// pages and the SHA-256 of each processed PDF (Courier, two lines of 32
// digits), and what the fingerprint is for. Throws ReceiptPdfError.
std::string PaintReceiptPdf(const DepositReceipt& receipt);

}  // namespace dossier
