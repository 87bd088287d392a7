#include "server/routes/CandidatureRequest.h"

#include <Poco/JSON/Array.h>

#include <set>

#include "core/errors/ClientError.h"
#include "core/ine/IneNumber.h"
#include "core/messages/ApiMessages.h"
#include "core/text/Utf8Sequence.h"
#include "server/http/JsonBody.h"
#include "server/http/ResourceId.h"

namespace dossier {
namespace {

ClientError Invalid(const std::string& field, const std::string& expected) {
  return ClientError(ErrorCode::kInvalidField, messages::InvalidField(field, expected));
}

std::optional<std::string> Ine(const Poco::JSON::Object::Ptr& body) {
  if (!body->has("ine")) return std::nullopt;
  std::string text = StringMember(body, "ine", false, 64);
  std::string ine = NormaliseIne(text);
  if (!ine.empty() && !ValidateIne(ine).valid)
    throw ClientError(ErrorCode::kInvalidIne, messages::InvalidIne(text));
  return ine;
}

std::optional<std::string> Email(const Poco::JSON::Object::Ptr& body) {
  if (!body->has("email")) return std::nullopt;
  std::string email = StringMember(body, "email", false, 255);
  std::size_t at = email.find('@');
  if (!email.empty() && (at == 0 || at == std::string::npos || at + 1 == email.size() ||
                         email.find_first_of(" \t\r\n<>,;") != std::string::npos))
    throw Invalid("email", messages::ExpectedEmail());
  return email;
}

// Characters, not bytes: « Éléonore » is 8. None when not UTF-8.
std::optional<std::size_t> CharacterCount(const std::string& text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); ++count) {
    std::size_t length = Utf8SequenceLength(text, at);
    if (length == 0) return std::nullopt;
    at += length;
  }
  return count;
}

// Absent: left as it is; null or "": cleared.
std::optional<std::string> Name(const Poco::JSON::Object::Ptr& body, const std::string& field) {
  if (!body->has(field)) return std::nullopt;
  std::string name = StringMember(body, field, false, 400);
  std::optional<std::size_t> characters = CharacterCount(name);
  if (!characters || *characters > 100) throw Invalid(field, messages::ExpectedName());
  return name;
}

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// "2026-12-15": four digits, two, two, and a day that exists in that month.
bool IsCalendarDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int day = std::stoi(text.substr(8, 2));
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  int days = kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  return day <= days;
}

std::string DateLimite(const Poco::JSON::Object::Ptr& body) {
  if (!body->has("date_limite") || body->isNull("date_limite")) return "";
  Poco::Dynamic::Var value = body->get("date_limite");
  std::string text = value.isString() ? value.extract<std::string>() : "";
  if (!IsCalendarDate(text)) throw Invalid("date_limite", messages::ExpectedDate());
  return text;
}

CandidatureRequest::Piece ReadPiece(const Poco::Dynamic::Var& item) {
  const std::string expected = messages::ExpectedPieceObject();
  if (item.type() != typeid(Poco::JSON::Object::Ptr)) throw Invalid("pieces", expected);
  Poco::JSON::Object::Ptr object = item.extract<Poco::JSON::Object::Ptr>();
  CandidatureRequest::Piece piece;
  piece.code = StringMember(object, "code", true, 64);
  if (!IsResourceId(piece.code))
    throw ClientError(ErrorCode::kUnknownPiece, messages::UnknownPieceType(piece.code));
  piece.mandatory = BoolMember(object, "mandatory", true);
  return piece;
}

std::optional<std::vector<CandidatureRequest::Piece>> Pieces(const Poco::JSON::Object::Ptr& body) {
  if (!body->has("pieces")) return std::nullopt;
  Poco::Dynamic::Var value = body->get("pieces");
  if (value.type() != typeid(Poco::JSON::Array::Ptr))
    throw Invalid("pieces", messages::ExpectedPieceList());
  Poco::JSON::Array::Ptr list = value.extract<Poco::JSON::Array::Ptr>();
  std::vector<CandidatureRequest::Piece> pieces;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    CandidatureRequest::Piece piece = ReadPiece(list->get(static_cast<unsigned>(i)));
    if (!seen.insert(piece.code).second)
      throw ClientError(ErrorCode::kDuplicatePiece, messages::DuplicatePiece(piece.code));
    pieces.push_back(piece);
  }
  return pieces;
}

}  // namespace

CandidatureRequest ParseCandidatureRequest(const Poco::JSON::Object::Ptr& body) {
  CandidatureRequest request;
  request.formation = StringMember(body, "formation", true, 255);
  request.ine = Ine(body);
  request.email = Email(body);
  request.nom = Name(body, "nom");
  request.prenom = Name(body, "prenom");
  request.date_limite = DateLimite(body);
  request.pieces = Pieces(body);
  return request;
}

}  // namespace dossier
