// The candidate's link, /candidat/{id}#token=…, works for 30 days, but the
// fragment is gone as soon as the page is opened again from the history, a
// bookmark or a new tab. So the page trades the token once for the
// service's session cookie (HttpOnly, scoped to this candidature's API
// path): every later request, the PDFs' plain links included, is
// authenticated by the browser itself and no token stays in the page.
import { candidaturePath } from './api.js';

// "#token=…" read once and taken out of the address bar and the history.
export function takeFragmentToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return decodeURIComponent(match[1]);
}

// "cookie": the session is open. "refused": the token is wrong or expired.
// "bearer": a service without sessions (or unreachable now): the page sends
// the token itself, as before sessions existed.
export async function openSession(candidatureId, token) {
  let response;
  try {
    response = await fetch(candidaturePath(candidatureId, '/session'), {
      method: 'POST', headers: { Authorization: `Bearer ${token}` },
      credentials: 'same-origin', cache: 'no-store',
    });
  } catch {
    return 'bearer';
  }
  if (response.ok) return 'cookie';
  if (response.status === 401 || response.status === 403) return 'refused';
  return 'bearer';
}

// « Oublier ce lien sur cet appareil »: the service clears the cookie.
export async function closeSession(candidatureId) {
  const response = await fetch(candidaturePath(candidatureId, '/session'), {
    method: 'DELETE', credentials: 'same-origin', cache: 'no-store',
  });
  return response.ok || response.status === 401;
}
