#include "server/gate/OneRequest.h"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include <memory>

namespace dossier {
namespace {

void SendBare(Poco::Net::HTTPServerSession& session, Poco::Net::HTTPResponse::HTTPStatus status) {
  Poco::Net::HTTPServerResponseImpl response(session);
  response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
  response.setStatusAndReason(status);
  response.setKeepAlive(false);
  response.send();
}

// The request itself, as Poco's HTTPServerConnection runs one; true when the
// connection may be kept.
bool Serve(Poco::Net::HTTPServerSession& session, Poco::Net::HTTPRequestHandlerFactory& handlers,
           Poco::Net::HTTPServerParams::Ptr params) {
  Poco::Net::HTTPServerResponseImpl response(session);
  Poco::Net::HTTPServerRequestImpl request(response, session, params.get());
  response.setDate(Poco::Timestamp());
  response.setVersion(request.getVersion());
  response.setKeepAlive(params->getKeepAlive() && request.getKeepAlive());
  response.set("Server", params->getSoftwareVersion());
  std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(handlers.createRequestHandler(request));
  if (!handler) {
    SendBare(session, Poco::Net::HTTPResponse::HTTP_NOT_IMPLEMENTED);
    return false;
  }
  if (request.getExpectContinue() && response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK)
    response.sendContinue();
  handler->handleRequest(request, response);
  return response.sent() && response.getKeepAlive();
}

}  // namespace

bool ServeOneRequest(Poco::Net::StreamSocket& socket,
                     Poco::Net::HTTPRequestHandlerFactory& handlers,
                     Poco::Net::HTTPServerParams::Ptr params) {
  socket.setBlocking(true);
  socket.setReceiveTimeout(params->getTimeout());
  socket.setSendTimeout(params->getTimeout());
  Poco::Net::HTTPServerSession session(socket, params);
  bool keep = false;
  try {
    keep = Serve(session, handlers, params);
  } catch (const Poco::Net::MessageException&) {
    try {
      SendBare(session, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
    } catch (const Poco::Exception&) {
    }
  } catch (const Poco::Exception&) {
    // The client went away or stopped sending: the connection just closes.
  }
  // Bytes read past this request (a pipelined next one) cannot be handed
  // back to the gate: close instead; the client sends again.
  Poco::Buffer<char> ahead(0);
  session.drainBuffer(ahead);
  socket = session.detachSocket();
  return keep && ahead.size() == 0;
}

}  // namespace dossier
