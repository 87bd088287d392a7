#pragma once

#include <Poco/Net/HTTPServerParams.h>

namespace Poco::Net {
class HTTPRequestHandlerFactory;
class StreamSocket;
}  // namespace Poco::Net

namespace dossier {

// Serves the one request whose head waits whole in `socket`'s receive
// buffer, with Poco's request and response objects and `handlers`. Returns
// true when the connection may carry another request: both sides keep it
// alive, the body was read to its end and nothing past it was read. The
// socket is left open either way: the caller closes it or hands it back.
bool ServeOneRequest(Poco::Net::StreamSocket& socket,
                     Poco::Net::HTTPRequestHandlerFactory& handlers,
                     Poco::Net::HTTPServerParams::Ptr params);

}  // namespace dossier
