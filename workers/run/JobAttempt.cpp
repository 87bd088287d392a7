#include "workers/run/JobAttempt.h"

#include <Poco/JSON/Object.h>

#include "core/json/JsonStringOrNull.h"
#include "core/json/JsonText.h"
#include "core/text/UtcTimestamp.h"

namespace dossier {

std::string JobLogLine(const JobAttempt& outcome) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", UtcTimestamp());
  line.set("event", "job");
  line.set("job", outcome.job);
  line.set("candidature", JsonStringOrNull(outcome.candidature));
  line.set("piece", JsonStringOrNull(outcome.piece));
  line.set("version", outcome.version);
  line.set("attempt", outcome.attempt);
  line.set("worker", outcome.worker);
  line.set("outcome", outcome.outcome);
  line.set("status", JsonStringOrNull(outcome.status));
  line.set("reason", JsonStringOrNull(outcome.reason));
  line.set("ine", JsonStringOrNull(outcome.ine));
  line.set("ms", static_cast<long long>(outcome.ms + 0.5));
  if (!outcome.error.empty()) line.set("error", outcome.error);
  return JsonText(line);
}

}  // namespace dossier
