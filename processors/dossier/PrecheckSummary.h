#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// What the workflow knows about one pièce, as the cover summarises it.
struct PrecheckFacts {
  std::string piece_status;        // pj_cand.status: AT, TR, VA, RE, NC
  int current_version = 0;         // 0: nothing uploaded yet
  std::string outcome;             // precheck.outcome; "" while not processed
  std::string reason;              // the refusal's reason code (size, format, …)
  std::string ine_verdict;         // conforme, different, illisible, absent, non_verifie or ""
  int pages = 0;                   // of the processed PDF; 0 when unknown
  std::uint64_t output_bytes = 0;  // of the processed PDF; 0 when unknown
};

// The pre-check in a few French words for the cover: « acceptée, 3 pages,
// 683 ko, INE conforme », « refusée : trop volumineuse », « en cours de
// traitement », « non fournie », « non concernée ».
std::string PrecheckSummary(const PrecheckFacts& facts);

}  // namespace dossier
