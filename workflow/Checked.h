#pragma once

#include <optional>
#include <utility>

#include "core/errors/ClientError.h"

namespace dossier {

// What a transition yields when it is allowed (the new status, a parsed
// decision), or the error the client is answered with when it is not.
template <typename Value>
class Checked {
 public:
  Checked(Value value) : value_(std::move(value)) {}        // NOLINT: implicit by design
  Checked(ClientError error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool allowed() const { return value_.has_value(); }
  const std::optional<ClientError>& error() const { return error_; }

  // The value, or throws the error: what a route does with it.
  const Value& OrThrow() const {
    if (error_) throw *error_;
    return *value_;
  }

 private:
  std::optional<Value> value_;
  std::optional<ClientError> error_;
};

}  // namespace dossier
