// The API seen from a page: the bearer token taken from the URL fragment
// (or, on the candidate's page, the session cookie it was traded for), JSON
// calls, authenticated downloads. The token never goes into a URL the
// server sees, and leaves the address bar as soon as the page has read it.

export const UNAUTHORIZED_MESSAGE =
  "Votre lien d'accès a expiré ou est incomplet : reconnectez-vous à eCandidat, " +
  'puis ouvrez à nouveau cette page depuis votre espace.';

const NETWORK_MESSAGE =
  'Le service ne répond pas : vérifiez votre connexion internet, puis réessayez.';

export class ApiError extends Error {
  constructor(status, code, message, body = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

// Reads "#token=…" once, keeps it in sessionStorage under `scope` (so a
// reload still works), and removes it from the address bar and history.
export function takeToken(scope) {
  const key = `dossier.token.${scope}`;
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(key, decodeURIComponent(match[1]));
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return { value: sessionStorage.getItem(key), forget: () => sessionStorage.removeItem(key) };
}

// An error body is {"error", "message"}; anything else (a proxy's HTML page)
// still gets a French sentence.
async function errorFrom(response) {
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (body && typeof body.message === 'string')
    return new ApiError(response.status, body.error, body.message, body);
  return new ApiError(response.status, 'http_' + response.status,
    `Le service a répondu par une erreur (${response.status}). Réessayez dans quelques minutes.`);
}

// onUnauthorized runs on any 401, before the error is thrown, so that every
// caller does not have to handle an expired link.
export function createApi(token, onUnauthorized) {
  async function send(method, path, { json, accept } = {}) {
    const headers = {};
    if (token.value) headers.Authorization = `Bearer ${token.value}`;
    if (accept) headers.Accept = accept;
    // A page without a token relies on its session cookie.
    const init = { method, headers, cache: 'no-store', credentials: 'same-origin' };
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(json);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new ApiError(0, 'network', NETWORK_MESSAGE);
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (response.status === 401) {
        token.forget();
        onUnauthorized(error);
      }
      throw error;
    }
    return response;
  }
  return {
    token,
    async json(method, path, json) {
      const response = await send(method, path, { json, accept: 'application/json' });
      return response.json();
    },
    async blob(path) {
      const response = await send('GET', path);
      return response.blob();
    },
    // A download that needs the token (a ZIP asked by POST, a CSV): the
    // answer's bytes, to be saved from a blob: URL.
    async download(method, path, json) {
      const response = await send(method, path, { json });
      return response.blob();
    },
  };
}

export function candidaturePath(id, rest = '') {
  return `/api/v1/candidatures/${encodeURIComponent(id)}${rest}`;
}

export function piecePath(id, code, rest = '') {
  return candidaturePath(id, `/pieces/${encodeURIComponent(code)}${rest}`);
}
