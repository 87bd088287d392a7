#include "bench/hostile-sim/Probe.h"

#include <chrono>
#include <thread>

#include "bench/deadline-sim/ServiceClient.h"

namespace dossier::sim {

ProbeReport ProbeHealthz(const Poco::URI& base, double per_second, double seconds) {
  using Clock = std::chrono::steady_clock;
  ProbeReport report;
  ServiceClient client(base);
  const auto period = std::chrono::duration<double>(1.0 / per_second);
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  for (auto next = Clock::now(); next < end;
       next += std::chrono::duration_cast<Clock::duration>(period)) {
    std::this_thread::sleep_until(next);
    auto started = Clock::now();
    HttpAnswer answer = client.Send({"GET", "/healthz", "", {}, "", nullptr});
    client.Close();
    if (answer.status != 200) {
      ++report.failures;
      continue;
    }
    report.ms.Add(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
  }
  return report;
}

}  // namespace dossier::sim
