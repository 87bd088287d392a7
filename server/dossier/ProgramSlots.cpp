#include "server/dossier/ProgramSlots.h"

#include "core/errors/ClientError.h"
#include "core/messages/DossierZipMessages.h"

namespace dossier {

ProgramSlots::ProgramSlots(int count) : free_(count > 0 ? count : 1) {}

ProgramSlots::Held::~Held() {
  if (owner_) owner_->Give();
}

ProgramSlots::Held ProgramSlots::Take(std::chrono::milliseconds wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!freed_.wait_for(lock, wait, [this] { return free_ > 0; }))
    throw ClientError(ErrorCode::kBusy, messages::DossierProgramsBusy(),
                      "every document program slot busy")
        .RetryAfter(10);
  --free_;
  return Held(*this);
}

void ProgramSlots::Give() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++free_;
  }
  freed_.notify_one();
}

}  // namespace dossier
