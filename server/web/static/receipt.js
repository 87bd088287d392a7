// The récépissé of the last transmission (GET …/recepisse): when the
// dossier was transmitted, and for each pièce its pages and the SHA-256 of
// the PDF sent, the proof a candidate keeps. On screen the fingerprint is
// shortened; the whole value is one tap away.
import { el, fill, setText } from './dom.js';
import { frenchLongDateTime, frenchPages } from './french-format.js';

const SHORT_HASH = 16;

function pieceLine(piece) {
  if (piece.status === 'NC' || !piece.sha256)
    return el('li', { class: 'receipt-piece', 'data-code': piece.code },
      el('span', { class: 'receipt-label' }, piece.label),
      el('span', { class: 'receipt-pages' }, piece.status === 'NC' ? 'non concerné' : 'sans PDF'));
  return el('li', { class: 'receipt-piece', 'data-code': piece.code },
    el('span', { class: 'receipt-label' }, piece.label),
    el('span', { class: 'receipt-pages' }, piece.pages ? frenchPages(piece.pages) : ''),
    el('span', { class: 'receipt-hash' }, 'SHA-256 : ',
      el('code', { class: 'sha256-short', title: piece.sha256 },
        `${piece.sha256.slice(0, SHORT_HASH)}…`)),
    el('details', { class: 'receipt-details' },
      el('summary', {}, 'Empreinte complète'),
      el('code', { class: 'sha256-full' }, piece.sha256)));
}

// view: {section, date, pieces, pdf}; receipt: the API's JSON.
export function showReceipt(view, receipt, pdfPath) {
  setText(view.date, `Dossier transmis ${frenchLongDateTime(receipt.transmitted_at)}` +
    ` pour la formation « ${receipt.formation} ».`);
  fill(view.pieces, receipt.pieces.map(pieceLine));
  view.pdf.href = pdfPath;
  view.pdf.download = `${receipt.candidature}-recepisse.pdf`;
  view.section.hidden = false;
}
