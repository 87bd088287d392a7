// The first page of a processed pièce, as a small JPEG fetched with the
// token and shown from a blob: URL. One image per pièce version: a new
// version (or a new decision) never shows the previous picture.
import { el } from './dom.js';
import { piecePath } from './api.js';

const cache = new Map();  // "id/code/version" → Promise<blob URL>

function thumbnailUrl(api, id, piece) {
  const key = `${id}/${piece.code}/${piece.version}`;
  if (!cache.has(key)) {
    const pending = api.blob(piecePath(id, piece.code, '/thumbnail'))
      .then((blob) => URL.createObjectURL(blob));
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return cache.get(key);
}

// A <figure> that fills in when the image arrives and disappears when there
// is none (404: no processed PDF).
export function thumbnailFigure(api, id, piece, caption) {
  const image = el('img', {
    class: 'thumbnail', alt: `Aperçu de la première page : ${piece.label}`,
    width: 180, height: 254,
  });
  const figure = el('figure', { class: 'thumbnail-figure loading' }, image,
    caption ? el('figcaption', {}, caption) : null);
  thumbnailUrl(api, id, piece).then((url) => {
    image.addEventListener('load', () => figure.classList.remove('loading'), { once: true });
    image.src = url;
  }, () => { figure.hidden = true; });
  return figure;
}
