#pragma once

#include <gtest/gtest.h>

#include <functional>

#include "core/errors/ClientError.h"

namespace dossier::testing {

// The ClientError that `step` throws, to look at its code, sentence and
// context; a test failure (and an internal_error) when it throws none.
inline ClientError ClientErrorOf(const std::function<void()>& step) {
  try {
    step();
  } catch (const ClientError& error) {
    return error;
  }
  ADD_FAILURE() << "no ClientError was thrown";
  return ClientError(ErrorCode::kInternalError, "");
}

}  // namespace dossier::testing
