#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dossier {

// An upload as its request announces it, before a byte of its body is read:
// which pièce of which candidature, the client's Idempotency-Key and what it
// says of the body. Filled by the HTTP side from the path and the headers;
// nothing here is trusted until PieceUpload admitted it.
struct UploadRequest {
  std::string candidature_id;
  std::string piece_code;
  std::string idempotency_key;  // "" when the client sent none
  std::string content_type;     // as sent, with its boundary parameter
  // The announced body length; nullopt for a chunked body, whose length is
  // known only once it has been read.
  std::optional<std::uint64_t> content_length;
  // Who uploads, as the candidature's history names them (the token's
  // holder: "candidat", or the admin's sub or role name).
  std::string actor = "candidat";
};

// "candidature C1, pièce cv": how the context of an error about the upload
// (ClientError's, for the log) names it.
inline std::string ContextOf(const UploadRequest& request) {
  return "candidature " + request.candidature_id + ", pièce " + request.piece_code;
}

}  // namespace dossier
