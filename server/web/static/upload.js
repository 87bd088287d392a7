// One upload: every chosen file of a pièce in one multipart request, in the
// candidate's order. XMLHttpRequest rather than fetch because only it reports
// the bytes sent (upload.onprogress), which drives the progress bar.
//
// A network failure is retried with the same Idempotency-Key: if the first
// attempt did arrive, the server answers the first 202 again instead of
// storing a second version.
//
// 429 (too many uploads for this candidature in a short time) is never
// retried by the page: it would only meet the same wall. The answer goes back
// to the card, which shows the server's sentence (it says how long to wait).

const RETRY_DELAYS_MS = [1000, 3000];

export class UploadNetworkError extends Error {}

function newKey() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  // Older browsers: 128 random bits in hex.
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// The server's sentence, or one built from Retry-After when a proxy dropped
// the body.
function withTooManyMessage(answer) {
  if (answer.status !== 429 || typeof answer.body?.message === 'string') return answer;
  const seconds = Math.max(1, answer.retryAfter || 0);
  const delay = seconds > 90 ? `${Math.ceil(seconds / 60)} minutes`
    : `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  return {
    ...answer,
    body: {
      error: 'too_many_uploads',
      message: 'Vous avez envoyé beaucoup de fichiers en peu de temps : cet envoi n\'a pas été ' +
        `enregistré. Réessayez dans ${delay}.`,
    },
  };
}

function wait(ms) {
  return new Promise((resolve) => { window.setTimeout(resolve, ms); });
}

// Resolves with {status, body} for any HTTP answer; rejects with
// UploadNetworkError when no answer came back.
function sendOnce({ url, token, key, files, onProgress }) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Idempotency-Key', key);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    xhr.upload.addEventListener('load', () => onProgress(null, null, true));
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      resolve({ status: xhr.status, body, retryAfter: Number(xhr.getResponseHeader('Retry-After')) });
    });
    xhr.addEventListener('error', () => reject(new UploadNetworkError('network')));
    xhr.addEventListener('timeout', () => reject(new UploadNetworkError('timeout')));
    xhr.send(form);
  });
}

// onProgress(loaded, total, done): bytes of the request body sent so far;
// done once the whole body left the browser. onRetry(attempt) before a retry.
export async function uploadFiles({ url, token, files, onProgress, onRetry = () => {} }) {
  const key = newKey();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const answer = await sendOnce({ url, token, key, files, onProgress });
      if (answer.status === 429) return withTooManyMessage(answer);
      // A server that is stopping or has no database says when to come back.
      const retriable = answer.status === 503 && answer.retryAfter > 0 && answer.retryAfter <= 10;
      if (!retriable || attempt >= RETRY_DELAYS_MS.length) return answer;
      onRetry(attempt + 1);
      await wait(answer.retryAfter * 1000);
    } catch (error) {
      if (!(error instanceof UploadNetworkError) || attempt >= RETRY_DELAYS_MS.length) throw error;
      onRetry(attempt + 1);
      await wait(RETRY_DELAYS_MS[attempt]);
    }
  }
}
