#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace dossier {

// How many document programs (`dossier assemble`, `dossier recepisse`) this
// process runs at once. Each may take a core and up to 2 GiB: without a
// bound, a few clicks on « Télécharger (ZIP) » or many candidates fetching
// their dossier at the deadline would start as many as there are requests,
// and starve the workers of the machine they share.
class ProgramSlots {
 public:
  explicit ProgramSlots(int count);
  ProgramSlots(const ProgramSlots&) = delete;
  ProgramSlots& operator=(const ProgramSlots&) = delete;

  // One slot, given back when it dies.
  class Held {
   public:
    explicit Held(ProgramSlots& owner) : owner_(&owner) {}
    Held(Held&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Held& operator=(Held&&) = delete;
    ~Held();

   private:
    ProgramSlots* owner_;
  };

  // A free slot, waiting up to `wait` for one; ClientError `busy` (503,
  // Retry-After) when none came free in time.
  Held Take(std::chrono::milliseconds wait);

 private:
  void Give();

  std::mutex mutex_;
  std::condition_variable freed_;
  int free_;
};

}  // namespace dossier
