#pragma once

namespace dossier {

// Who may call a route. A candidat token only ever opens its own
// candidature, the `{id}` of the path.
struct RouteAccess {
  bool open = false;  // no token needed (the operations endpoints)
  bool candidat = false;
  bool gestionnaire = false;
  bool admin = false;
  // Without an Authorization header, the candidate page's session cookie
  // (http/SessionCookie.h) may bring the token: the candidature's routes.
  bool session_cookie = false;

  static RouteAccess Open() { return {true, false, false, false}; }
  static RouteAccess AnyRole() { return {false, true, true, true}; }
  static RouteAccess CandidatOrAdmin() { return {false, true, false, true}; }
  static RouteAccess Staff() { return {false, false, true, true}; }
  static RouteAccess AdminOnly() { return {false, false, false, true}; }
  static RouteAccess CandidatOnly() { return {false, true, false, false}; }

  RouteAccess OrSessionCookie() const {
    RouteAccess access = *this;
    access.session_cookie = true;
    return access;
  }
};

}  // namespace dossier
