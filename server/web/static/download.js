// Files the gestionnaire downloads (the ZIP of dossiers, the CSV exports)
// need the bearer token, so they cannot be plain links: each is fetched,
// then saved from a blob: URL (pdf-viewer.js's saveBlob).
import { saveBlob } from './pdf-viewer.js';

// « candidatures-2026-12-03.csv »: two exports of the same day stay apart
// from the day before's in the downloads folder.
export function datedName(stem, extension, now = new Date()) {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part) => String(part).padStart(2, '0')).join('-');
  return `${stem}-${day}.${extension}`;
}

// Resolves once the browser was handed the file; throws the API's error.
export async function download(api, { method = 'GET', path, json, fileName }) {
  const blob = await api.download(method, path, json);
  saveBlob(blob, fileName);
}
