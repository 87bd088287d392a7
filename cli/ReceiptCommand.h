#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier recepisse --json RECEIPT.json -o OUT.pdf`: the receipt of a
// transmission (JSON, see core/receipt/DepositReceipt.h) drawn as a PDF.
// The JSON is the service's own (no candidate's document is parsed), so it
// is drawn in this process; dossierd runs the command as a limited program
// because the HTTP process maps no document engine. OUT is written durably
// (temp file beside it, fsync, rename). Exit 0 done, 1 error, 2 usage.
int RunReceiptCommand(const std::vector<std::string>& args);

}  // namespace dossier
