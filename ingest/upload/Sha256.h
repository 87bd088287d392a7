#pragma once

#include <cstddef>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace dossier {

// The sha256 of bytes that arrive in pieces (a streamed upload), as the
// lowercase hexadecimal that `sha256sum` prints. OpenSSL's, which uses the
// processor's SHA instructions: every uploaded byte goes through it.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void Update(const char* data, std::size_t size);
  void Update(const std::string& bytes) { Update(bytes.data(), bytes.size()); }
  // The digest of everything so far; the hasher starts over afterwards.
  std::string Hex();

  // The digest of one string.
  static std::string Of(const std::string& bytes);

 private:
  struct Free {
    void operator()(evp_md_ctx_st* context) const;
  };
  void Restart();

  std::unique_ptr<evp_md_ctx_st, Free> context_;
};

}  // namespace dossier
