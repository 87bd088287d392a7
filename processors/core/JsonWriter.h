#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// A small streaming JSON writer: keys in the order written, UTF-8 kept as is
// (French messages stay readable in logs), no dependency for the processors.
class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Integer(long long value);
  JsonWriter& Number(double value, int decimals = 1);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  const std::string& str() const { return out_; }

 private:
  void Separate();
  std::string out_;
  std::vector<bool> has_items_;
  bool after_key_ = false;
};

// `text` as a quoted JSON string in valid UTF-8, whatever its bytes: each
// byte that starts no well-formed sequence becomes U+FFFD; controls (C0, DEL,
// C1) and U+2028/U+2029 are escaped. Every string JsonWriter writes, and so
// every log line of the service, goes through here.
std::string JsonQuote(std::string_view text);

}  // namespace dossier
