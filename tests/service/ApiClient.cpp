#include "tests/service/ApiClient.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <sstream>

namespace dossier::test {

Poco::JSON::Object::Ptr ApiResponse::Json() const {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

ApiResponse ApiClient::Request(const std::string& method, const std::string& path,
                               const std::string& token, const std::string& body,
                               const std::string& content_type,
                               const std::map<std::string, std::string>& headers) const {
  ApiResponse result;
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
    session.setTimeout(Poco::Timespan(120, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Authorization", "Bearer " + token);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty() || method == "POST" || method == "PUT") {
      request.setContentType(content_type);
      request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    // Like curl, a large body waits for 100 Continue: the server may answer
    // from the headers alone (413) without the body crossing the network.
    bool expect_continue = body.size() > 1'000'000;
    request.setExpectContinue(expect_continue);
    std::ostream& out = session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    if (!expect_continue || session.peekResponse(response)) {
      out.write(body.data(), static_cast<std::streamsize>(body.size()));
      response.clear();
    }
    std::istream& in = session.receiveResponse(response);
    result.status = static_cast<int>(response.getStatus());
    for (const auto& [name, value] : response) {
      std::string lower = name;
      std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
      result.headers[lower] = value;
    }
    std::ostringstream content;
    Poco::StreamCopier::copyStream(in, content);
    result.body = content.str();
  } catch (const Poco::Exception&) {
    result.status = 0;  // refused or reset: the service is down
  }
  return result;
}

std::string ApiClient::MultipartBody(const std::vector<UploadPart>& files,
                                     const std::string& boundary) {
  std::string body;
  for (const UploadPart& file : files) {
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.name + "\"\r\n";
    body += "Content-Type: application/octet-stream\r\n\r\n";
    body += file.bytes + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return body;
}

ApiResponse ApiClient::Upload(const std::string& candidature, const std::string& piece,
                              const std::string& token, const std::vector<UploadPart>& files,
                              const std::string& idempotency_key) const {
  const std::string boundary = "----dossier-test-boundary-7d93b";
  std::map<std::string, std::string> headers;
  if (!idempotency_key.empty()) headers["Idempotency-Key"] = idempotency_key;
  return Request("POST", "/api/v1/candidatures/" + candidature + "/pieces/" + piece + "/files",
                 token, MultipartBody(files, boundary), "multipart/form-data; boundary=" + boundary,
                 headers);
}

}  // namespace dossier::test
