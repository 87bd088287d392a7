// The gestionnaire's view of one dossier: each pièce with its first page,
// what the pre-check found (sizes, pages, INE, message), « Ouvrir le PDF »,
// « Valider » / « Refuser » with a comment prefilled from the pre-check; the
// pièces the pre-check flagged come first; « Valider les pièces conformes »
// validates at once every pièce the pre-check found nothing against; for the
// dossier « Marquer complet » / « Marquer incomplet », the download of the
// whole PDF and its « Historique ».
import { el, fill, keepFocus, setText, uniqueId } from './dom.js';
import { candidaturePath, piecePath } from './api.js';
import { frenchCount, frenchPages, frenchSize, quotedList } from './french-format.js';
import { HistoryPanel } from './history-panel.js';
import { saveBlob, showPdf } from './pdf-viewer.js';
import {
  activeContentSentence, gestionIne, keptActiveContentSentence, refusedByPrecheck,
} from './report-summary.js';
import { candidatureLabel, ineReserve, pieceLabel } from './statuses.js';
import { thumbnailFigure } from './thumbnail.js';

const POLL_MS = 2000;

// The refusal comment the pre-check suggests; the gestionnaire may edit it.
export function suggestedComment(piece) {
  if (piece.status === 'RE' && piece.comment) return piece.comment;
  const verdict = piece.report?.ine?.verdict;
  if (verdict === 'illisible') return 'INE illisible';
  if (verdict === 'different') return 'INE différent de celui déclaré';
  if (refusedByPrecheck(piece) || piece.processing === 'unprocessable') return 'Fichier illisible';
  return '';
}

// What the pre-check found against a pièce: an INE réserve, a refusal, a
// file it could not read, active content. These pièces are shown first.
export function flaggedPiece(piece) {
  const report = piece.report;
  return Boolean(ineReserve(piece) || refusedByPrecheck(piece) ||
    piece.processing === 'unprocessable' || report?.active_content_kept?.length ||
    report?.active_content_removed?.length);
}

// Pièces still waiting for the gestionnaire's decision.
export function piecesToExamine(candidature) {
  return candidature.pieces.filter((piece) => piece.status === 'TR');
}

// Decisions are possible on a transmitted pièce of a dossier under
// examination or incomplete (the server says the same with a 409).
function decisionBlocker(candidature, piece) {
  if (candidature.status === 'AT') return 'Le dossier n’a pas encore été transmis par le candidat.';
  if (candidature.status === 'CO')
    return 'Le dossier est complet : marquez-le incomplet pour revenir sur une pièce.';
  if (piece.status === 'AT') return 'Aucun fichier déposé.';
  if (piece.status === 'NC') return 'Le candidat n’est pas concerné par cette pièce.';
  return null;
}

function processingText(piece) {
  switch (piece.processing) {
    case 'none': return 'Aucun fichier déposé.';
    case 'pending': return 'Traitement en cours…';
    case 'unprocessable':
      return 'Non traitée : les fichiers n’ont pas pu être lus automatiquement. Examinez-les vous-même.';
    default: return piece.report?.message ?? piece.message ?? '';
  }
}

export class DossierReview {
  // page: {api, announce, onChanged(candidature, {decided}), onClose()}
  // onChanged tells after every change; `decided` after a decision on
  // pièces (the page then moves on when nothing is left to examine).
  constructor(container, page) {
    this.container = container;
    this.page = page;
    this.cards = new Map();  // code → {key, element}
    this.refusals = new Map();  // code → what the r key does on its card
    this.order = [];  // the pièces' codes as shown, fixed while the dossier is open
    this.history = new HistoryPanel(page.api);
    this.current = null;
    this.pollTimer = null;
    this.issued = 0;
    this.shown = 0;
  }

  // Applies the answer unless a request sent later was applied already (a
  // poll answering after a decision must not bring the old state back), or
  // another dossier was opened meanwhile.
  async latest(request) {
    this.issued += 1;
    const order = this.issued;
    const candidature = await request;
    if (order > this.shown && candidature.id === this.wantedId) {
      this.shown = order;
      this.apply(candidature);
    }
    return candidature;
  }

  async open(id) {
    window.clearTimeout(this.pollTimer);
    this.cards.clear();
    this.current = null;
    this.wantedId = id;
    this.container.hidden = false;
    fill(this.container, el('p', { class: 'loading' }, `Chargement du dossier ${id}…`));
    try {
      await this.latest(this.page.api.json('GET', candidaturePath(id)));
      // The keyboard lands on the dossier, unless another one was chosen meanwhile.
      if (this.wantedId === id) {
        this.heading.focus();
        this.history.load(id);
      }
    } catch (error) {
      if (this.wantedId === id)
        fill(this.container, el('p', { class: 'card-error', role: 'alert' }, error.message));
    }
  }

  close() {
    window.clearTimeout(this.pollTimer);
    this.current = null;
    this.wantedId = null;
    this.container.hidden = true;
    this.container.replaceChildren();
  }

  apply(candidature) {
    const sameDossier = this.current?.id === candidature.id;
    this.current = candidature;
    if (!sameDossier) this.build(candidature);
    const name = [candidature.nom, candidature.prenom].filter(Boolean).join(' ');
    setText(this.heading, name || `Dossier ${candidature.id}`);
    setText(this.number, name ? `Dossier ${candidature.id}` : '');
    this.formation.textContent = candidature.formation;
    setText(this.ine, `INE déclaré : ${candidature.ine ?? 'aucun'}`);
    this.status.textContent = candidatureLabel(candidature);
    this.status.className = `status-badge candidature-${candidature.status}`;
    const toExamine = piecesToExamine(candidature).length;
    setText(this.toExamine, toExamine
      ? `${frenchCount(toExamine, 'pièce à examiner', 'pièces à examiner')}`
      : 'Aucune pièce à examiner');
    this.conformes.hidden = candidature.status !== 'RE' || toExamine === 0;
    this.renderPieces(candidature);
    window.clearTimeout(this.pollTimer);
    if (candidature.pieces.some((piece) => piece.processing === 'pending'))
      this.pollTimer = window.setTimeout(() => this.refresh(), POLL_MS);
  }

  async refresh() {
    if (!this.current) return;
    try {
      await this.latest(this.page.api.json('GET', candidaturePath(this.current.id)));
    } catch (error) {
      this.showError(this.actionError, error.message);
    }
  }

  // The open dossier read again, its history too (after bulk actions).
  async reload() {
    if (!this.current) return;
    const { id } = this.current;
    await this.refresh();
    this.history.load(id);
  }

  build(candidature) {
    this.cards.clear();
    this.refusals.clear();
    // Flagged pièces first, then the others in the cover page's order.
    this.order = [...candidature.pieces.filter(flaggedPiece),
      ...candidature.pieces.filter((piece) => !flaggedPiece(piece))].map((piece) => piece.code);
    this.heading = el('h2', { id: 'dossier-titre', tabindex: '-1' });
    this.number = el('p', { class: 'dossier-number-line' });
    this.formation = el('p', { class: 'formation' });
    this.ine = el('p', { class: 'declared-ine' });
    this.status = el('strong', { class: 'status-badge' });
    this.toExamine = el('span', { class: 'to-examine' });
    const commentId = uniqueId('commentaire-statut');
    this.statusComment = el('textarea', { id: commentId, rows: 2, maxlength: 2000 });
    this.actionError = el('p', { class: 'card-error', role: 'alert', hidden: true });
    this.pieces = el('div', { class: 'review-pieces' });
    this.conformes = el('button', {
      type: 'button', class: 'button primary validate-conformes',
      onclick: () => this.validateConformes(),
    }, 'Valider les pièces conformes');
    this.conformesError = el('p', { class: 'card-error', role: 'alert', hidden: true });
    fill(this.container,
      el('div', { class: 'card dossier-head' },
        el('div', { class: 'dossier-title-row' },
          el('div', {}, this.heading, this.number),
          el('button', {
            type: 'button', class: 'button compact close-dossier',
            onclick: () => this.page.onClose(),
          }, 'Fermer le dossier')),
        this.formation, this.ine,
        el('p', { class: 'status-line' }, 'Statut : ', this.status, ' · ', this.toExamine),
        el('button', {
          type: 'button', class: 'button secondary download',
          onclick: (event) => this.download(event.currentTarget),
        }, 'Télécharger le dossier'),
        el('div', { class: 'status-change' },
          el('label', { for: commentId }, 'Commentaire pour le candidat (facultatif)'),
          this.statusComment,
          el('div', { class: 'button-row' },
            el('button', {
              type: 'button', class: 'button primary', onclick: () => this.setStatus('CO'),
            }, 'Marquer complet'),
            el('button', {
              type: 'button', class: 'button danger', onclick: () => this.setStatus('IN'),
            }, 'Marquer incomplet'))),
        this.actionError),
      el('div', { class: 'pieces-heading' },
        el('h3', {}, 'Pièces'), this.conformes),
      this.conformesError,
      this.pieces,
      this.history.element);
  }

  renderPieces(candidature) {
    const shownOrder = (piece) => {
      const index = this.order.indexOf(piece.code);
      return index < 0 ? this.order.length : index;
    };
    const pieces = [...candidature.pieces].sort((a, b) => shownOrder(a) - shownOrder(b));
    const nodes = pieces.map((piece) => {
      // What the card shows; a refresh that changes none of it keeps the
      // card, and the comment being typed in it.
      const key = [decisionBlocker(candidature, piece), piece.status, piece.comment, piece.version,
        piece.processing, piece.thumbnail].join('|');
      let card = this.cards.get(piece.code);
      if (!card || card.key !== key) {
        this.refusals.delete(piece.code);  // set again if the new card has a decision form
        card = { key, element: this.pieceCard(candidature, piece) };
        this.cards.set(piece.code, card);
      }
      return card.element;
    });
    const shown = Array.from(this.pieces.children);
    if (nodes.length !== shown.length || nodes.some((node, i) => node !== shown[i]))
      fill(this.pieces, nodes);
  }

  pieceCard(candidature, piece) {
    const report = piece.report;
    const ine = report ? gestionIne(report.ine, candidature.ine) : null;
    const error = el('p', { class: 'card-error', role: 'alert', hidden: true });
    const facts = el('dl', { class: 'facts' });
    const fact = (term, value, className) => {
      if (value) facts.append(el('dt', {}, term), el('dd', { class: className }, value));
    };
    if (piece.files.length)
      fact('Fichiers', piece.files.map((f) => `${f.name} (${frenchSize(f.bytes)})`).join(', '));
    if (report?.status === 'accepted') {
      fact('Taille', `${frenchSize(report.input_bytes)} → ${frenchSize(report.output_bytes)}`);
      fact('Pages', frenchPages(report.pages));
    }
    if (ine && report.ine.verdict !== 'non_verifie')
      fact('INE', ine.text, `tone-${ine.tone} ine-${report.ine.verdict}`);
    fact('Contrôle', processingText(piece),
      refusedByPrecheck(piece) || piece.processing === 'unprocessable' ? 'tone-warning' : '');
    fact('Contenu actif', activeContentSentence(report), 'tone-warning active-content');
    if (piece.comment && piece.status === 'RE') fact('Motif du refus', piece.comment, 'tone-warning');
    const open = report?.status === 'accepted' ? el('button', {
      type: 'button', class: 'button secondary open-pdf',
      onclick: () => this.openPdf(piece, open, error),
    }, 'Ouvrir le PDF') : null;
    return el('article', { class: 'card review-card', 'data-code': piece.code },
      el('div', { class: 'piece-head' },
        el('h4', { class: 'piece-title', tabindex: '-1' }, piece.label),
        el('div', { class: 'piece-tags' },
          el('span', { class: `requirement ${piece.mandatory ? 'mandatory' : 'optional'}` },
            piece.mandatory ? 'obligatoire' : 'facultative'),
          el('span', { class: `status-badge piece-${piece.status}` }, pieceLabel(piece)))),
      el('div', { class: 'review-body' },
        piece.thumbnail ? thumbnailFigure(this.page.api, candidature.id, piece) : null,
        el('div', { class: 'review-facts' }, facts, open)),
      this.decisionForm(candidature, piece, error),
      error);
  }

  decisionForm(candidature, piece, error) {
    const blocker = decisionBlocker(candidature, piece);
    if (blocker) return el('p', { class: 'piece-note' }, blocker);
    const id = uniqueId(`motif-${piece.code}`);
    const comment = el('textarea', { id, rows: 2, maxlength: 2000, class: 'refusal-comment-input' });
    comment.value = suggestedComment(piece);
    comment.addEventListener('input', () => {
      comment.removeAttribute('aria-invalid');
      this.showError(error, '');
    });
    const decide = (status) => this.decide(piece, status, comment, error);
    // After the r key, Entrée sends the refusal and Échap gives it up.
    const hint = el('p', { class: 'confirm-hint', id: `${id}-aide`, hidden: true },
      'Entrée : refuser la pièce avec ce motif. Maj + Entrée : aller à la ligne. Échap : annuler.');
    const leave = () => {
      hint.hidden = true;
      comment.removeAttribute('aria-describedby');
      delete comment.dataset.confirm;
    };
    comment.addEventListener('blur', leave);
    comment.addEventListener('keydown', (event) => {
      if (!comment.dataset.confirm) return;
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        leave();
        decide('RE');
      } else if (event.key === 'Escape') {
        event.preventDefault();
        leave();
        this.cards.get(piece.code)?.element.querySelector('.piece-title').focus();
      }
    });
    this.refusals.set(piece.code, () => {
      comment.dataset.confirm = 'true';
      hint.hidden = false;
      comment.setAttribute('aria-describedby', hint.id);
      comment.focus();
      comment.setSelectionRange(comment.value.length, comment.value.length);
    });
    return el('div', { class: 'decision' },
      el('label', { for: id }, 'Motif du refus (envoyé au candidat)'),
      comment, hint,
      el('div', { class: 'button-row' },
        el('button', { type: 'button', class: 'button primary', onclick: () => decide('VA') }, 'Valider'),
        el('button', { type: 'button', class: 'button danger', onclick: () => decide('RE') }, 'Refuser')));
  }

  async decide(piece, status, commentInput, error) {
    this.showError(error, '');
    const comment = commentInput.value.trim();
    if (status === 'RE' && !comment) {
      commentInput.setAttribute('aria-invalid', 'true');
      this.showError(error, 'Indiquez le motif du refus : il est envoyé au candidat.');
      commentInput.focus();
      return;
    }
    const body = status === 'RE' ? { status, comment } : { status };
    try {
      const candidature = await this.latest(this.page.api.json('POST',
        piecePath(this.current.id, piece.code, '/decision'), body));
      keepFocus(this.cards.get(piece.code)?.element.querySelector('.piece-title'));
      this.page.announce(`« ${piece.label} » ${status === 'VA' ? 'validée' : 'refusée'}. ` +
        `Dossier : ${candidatureLabel(candidature)}.`);
      this.changed(candidature, true);
    } catch (error2) {
      this.showError(error, error2.message);
    }
  }

  async setStatus(status) {
    this.showError(this.actionError, '');
    const comment = this.statusComment.value.trim();
    try {
      const candidature = await this.latest(this.page.api.json('POST',
        candidaturePath(this.current.id, '/status'), comment ? { status, comment } : { status }));
      this.statusComment.value = '';
      this.page.announce(`Dossier ${candidature.id} : ${candidatureLabel(candidature)}.`);
      this.changed(candidature, false);
    } catch (error) {
      this.showError(this.actionError, error.message);
    }
  }

  changed(candidature, decided) {
    this.history.load(candidature.id);
    this.page.onChanged(candidature, { decided });
  }

  // « Valider les pièces conformes »: the server validates every pièce the
  // pre-check found nothing against; the flagged ones stay to examine.
  async validateConformes() {
    if (!this.current) return;
    this.showError(this.conformesError, '');
    if (this.conformes.hidden) {
      this.page.announce('Aucune pièce à valider dans ce dossier.');
      return;
    }
    this.conformes.setAttribute('aria-busy', 'true');
    try {
      const answer = await this.latest(this.page.api.json('POST',
        candidaturePath(this.current.id, '/decisions'), { validate: 'conformes' }));
      const labels = (answer.validated ?? []).map((code) =>
        answer.pieces.find((piece) => piece.code === code)?.label ?? code);
      const left = piecesToExamine(answer).length;
      this.page.announce([
        labels.length
          ? `${frenchCount(labels.length, 'pièce conforme validée',
            'pièces conformes validées')} : ${quotedList(labels)}.`
          : 'Aucune pièce conforme à valider.',
        left ? `${frenchCount(left, 'pièce reste', 'pièces restent')} à examiner.` : '',
        `Dossier : ${candidatureLabel(answer)}.`].filter(Boolean).join(' '));
      keepFocus(this.heading);
      this.changed(answer, true);
    } catch (error) {
      this.showError(this.conformesError, error.message);
    } finally {
      this.conformes.removeAttribute('aria-busy');
    }
  }

  // The pièce the keys r and o act on: the one holding the focus, else the
  // first one still to examine (flagged ones come first).
  currentPiece() {
    if (!this.current) return null;
    const focused = document.activeElement?.closest?.('.review-card');
    const shown = Array.from(this.pieces.children);
    const candidates = focused && this.container.contains(focused) ? [focused] : shown;
    const pieceOf = (card) => this.current.pieces.find((p) => p.code === card.dataset.code);
    return candidates.map(pieceOf).find((piece) => piece?.status === 'TR') ??
      (focused ? pieceOf(focused) : null);
  }

  // r: the refusal comment of the current pièce, prefilled, focused; Entrée sends it.
  startRefusal() {
    const piece = this.currentPiece();
    const refuse = piece && this.refusals.get(piece.code);
    if (refuse) refuse();
    else this.page.announce('Aucune pièce à refuser dans ce dossier.');
  }

  // o: the PDF of the current pièce (or of the first one that has one).
  openCurrentPdf() {
    const piece = this.currentPiece();
    const card = piece ? this.cards.get(piece.code)?.element : null;
    const button = card?.querySelector('.open-pdf') ?? this.pieces.querySelector('.open-pdf');
    if (button) button.click();
    else this.page.announce('Aucun PDF à ouvrir dans ce dossier.');
  }

  async openPdf(piece, button, error) {
    this.showError(error, '');
    button.setAttribute('aria-busy', 'true');
    try {
      const blob = await this.page.api.blob(piecePath(this.current.id, piece.code, '/pdf'));
      showPdf(blob, {
        title: `${piece.label} — dossier ${this.current.id}`,
        fileName: `${this.current.id}-${piece.code}.pdf`, returnFocus: button,
        activeContent: keptActiveContentSentence(piece.report),
      });
    } catch (error2) {
      this.showError(error, error2.message);
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  async download(button) {
    this.showError(this.actionError, '');
    button.setAttribute('aria-busy', 'true');
    try {
      const blob = await this.page.api.blob(candidaturePath(this.current.id, '/dossier.pdf'));
      saveBlob(blob, `${this.current.id}-dossier.pdf`);
    } catch (error) {
      this.showError(this.actionError, error.message);
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  showError(node, message) {
    setText(node, message);
    node.hidden = !message;
  }
}
