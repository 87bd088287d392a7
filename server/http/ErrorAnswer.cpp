#include "server/http/ErrorAnswer.h"

#include <Poco/JSON/Array.h>

#include "core/json/JsonDocument.h"
#include "server/http/HttpStatusOf.h"

namespace dossier {

ErrorAnswer AnswerTo(const ClientError& error) {
  ErrorAnswer answer;
  answer.status = HttpStatusOf(error.code());
  if (error.retry_after() > 0)
    answer.headers.emplace_back("Retry-After", std::to_string(error.retry_after()));
  if (answer.status == 401) answer.headers.emplace_back("WWW-Authenticate", "Bearer");
  Poco::JSON::Object::Ptr body = NewJsonObject();
  body->set("error", std::string(error.code_name()));
  body->set("message", error.message());
  for (const auto& [key, values] : error.lists()) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const std::string& value : values) list->add(value);
    body->set(key, list);
  }
  answer.body = JsonText(body);
  return answer;
}

}  // namespace dossier
