// PDFs need the bearer token, so they cannot be plain links: each is fetched
// into a Blob and shown from a blob: URL, in an overlay <dialog> with an
// <iframe>, with links to open it in a tab or save it (phones often cannot
// show a PDF inside a page).
// A PDF that still carries active content (a signed PDF kept byte for byte)
// is never given to the browser's viewer: Chromium's runs its JavaScript,
// from a blob: URL in a frame or in a tab, and neither a `sandbox` CSP on
// the response nor anything short of a sandboxed frame (where the viewer
// does not load at all) stops it. Such a PDF can only be saved.
import { el, setText } from './dom.js';

let viewer = null;

function createViewer() {
  const title = el('h2', { id: 'pdf-viewer-title', class: 'viewer-title' });
  const openTab = el('a', { class: 'button secondary', target: '_blank', rel: 'noopener' },
    'Ouvrir dans un nouvel onglet');
  const save = el('a', { class: 'button secondary' }, 'Télécharger');
  const close = el('button', { type: 'button', class: 'button' }, 'Fermer');
  const frame = el('iframe', { class: 'viewer-frame', title: 'Aperçu du PDF' });
  const notice = el('p', { class: 'viewer-notice', hidden: true });
  const dialog = el('dialog', { class: 'pdf-viewer', 'aria-labelledby': 'pdf-viewer-title' },
    el('div', { class: 'viewer-bar' }, title,
      el('div', { class: 'viewer-actions' }, openTab, save, close)),
    notice, frame);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    frame.removeAttribute('src');
    if (viewer.url) URL.revokeObjectURL(viewer.url);
    viewer.url = null;
    viewer.returnFocus?.focus();
  });
  document.body.append(dialog);
  return { dialog, title, openTab, save, frame, notice, url: null, returnFocus: null };
}

// `activeContent`: the sentence saying what the PDF still carries; the PDF
// is then offered for saving only.
export function showPdf(blob, { title, fileName, returnFocus, activeContent = null }) {
  viewer ??= createViewer();
  if (viewer.url) URL.revokeObjectURL(viewer.url);
  viewer.url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  viewer.returnFocus = returnFocus ?? document.activeElement;
  viewer.title.textContent = title;
  viewer.frame.title = title;
  viewer.frame.hidden = Boolean(activeContent);
  viewer.openTab.hidden = Boolean(activeContent);
  viewer.notice.hidden = !activeContent;
  if (activeContent) {
    setText(viewer.notice, `${activeContent} Il n’est pas affiché ici, pour que rien de ce ` +
      'qu’il contient ne puisse s’exécuter : téléchargez-le pour vérifier sa signature avec un ' +
      'logiciel dédié.');
    viewer.openTab.removeAttribute('href');
  } else {
    viewer.frame.src = viewer.url;
    viewer.openTab.href = viewer.url;
  }
  viewer.save.href = viewer.url;
  viewer.save.download = fileName;
  viewer.dialog.showModal();
}

// « Télécharger mon dossier »: an <a download> clicked for the user.
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: fileName, class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; give it a moment anyway.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
