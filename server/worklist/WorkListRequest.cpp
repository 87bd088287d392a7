#include "server/worklist/WorkListRequest.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include "server/http/RequestContext.h"

namespace dossier {

WorkListFilter WorkListFilterOf(RequestContext& context) {
  QueryParameters parameters;
  try {
    for (const auto& pair : Poco::URI(context.request().getURI()).getQueryParameters())
      parameters.push_back(pair);
  } catch (const Poco::Exception&) {
    // A query string that does not decode gives no parameter, as for
    // RequestContext::Query: the defaults apply.
  }
  return ParseWorkListFilter(parameters);
}

}  // namespace dossier
