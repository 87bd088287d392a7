// One card per pièce on the candidate's page: what is asked, its status, the
// result of the pre-check, and the controls to send files (chooser,
// drag-and-drop, ordered list, progress) or answer « Non concerné ».
// The card keeps its own state (chosen files, upload under way) across the
// page's refreshes: update() only redraws what changed.
import { el, fill, keepFocus, setText, uniqueId } from './dom.js';
import { piecePath, UNAUTHORIZED_MESSAGE } from './api.js';
import {
  DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES, refusalOf, tooManySentence,
} from './file-check.js';
import { FileList } from './file-list.js';
import { formatWords, frenchLimit, frenchSize } from './french-format.js';
import { showPdf } from './pdf-viewer.js';
import {
  acceptedFacts, candidateIne, gestionnaireComment, keptActiveContentSentence,
} from './report-summary.js';
import { ineReserve, pieceEditable, pieceLabel } from './statuses.js';
import { thumbnailFigure } from './thumbnail.js';
import { uploadFiles } from './upload.js';

// What the chooser offers; the formats themselves are checked on the bytes.
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.heic,.heif,.avif,.webp,.tif,.tiff,' +
  'application/pdf,image/*,image/heic,image/heif,image/avif,image/webp,image/tiff';

// A 413 without the service's JSON: a proxy in front of it (the
// university's) stopped the request before the service saw it.
const PROXY_TOO_LARGE =
  "Ce fichier dépasse la taille qu'accepte le serveur de votre université, avant même le " +
  "service de dépôt : il n'a pas été enregistré. Réduisez-le (scan en 200 ou 300 dpi plutôt " +
  "qu'en 600 dpi, ou photo prise avec votre téléphone), puis déposez-le à nouveau.";
const PROXY_TOO_LARGE_SEVERAL =
  "Cet envoi dépasse la taille qu'accepte le serveur de votre université, avant même le " +
  "service de dépôt : vos fichiers n'ont pas été enregistrés. Réduisez-les (scan en 200 ou " +
  "300 dpi plutôt qu'en 600 dpi, ou photos prises avec votre téléphone), puis déposez-les à " +
  'nouveau.';

const NETWORK_FAILED =
  "L'envoi n'a pas abouti malgré plusieurs essais : vérifiez votre connexion internet, " +
  'puis cliquez à nouveau sur « Envoyer ». Vos fichiers sont toujours sélectionnés.';

export class PieceCard {
  // page: {api, candidatureId, announce, latest(request), refresh(), unauthorized()}
  constructor(piece, page) {
    this.page = page;
    this.code = piece.code;
    this.uploading = false;
    this.awaitedVersion = 0;
    this.resultKey = null;
    const titleId = uniqueId(`piece-${piece.code}`);
    this.title = el('h3', { id: titleId, class: 'piece-title', tabindex: '-1' });
    this.requirement = el('span', { class: 'requirement' });
    this.conditionalNote = el('p', { class: 'conditional-note', hidden: true });
    this.badge = el('span', { class: 'status-badge' });
    this.limits = el('p', { class: 'limits' });
    this.refusal = el('div', { class: 'refusal', hidden: true });
    this.result = el('div', { class: 'result-area' });
    this.note = el('p', { class: 'piece-note', hidden: true });
    this.error = el('p', { class: 'card-error', role: 'alert', hidden: true });
    this.chooser = this.buildChooser(piece);
    this.nonConcerne = el('button', {
      type: 'button', class: 'button secondary non-concerne', hidden: true,
      onclick: () => this.declareNonConcerne(),
    }, 'Non concerné par cette pièce');
    this.element = el('section', {
      class: 'card piece-card', 'data-code': piece.code, 'aria-labelledby': titleId,
    },
    el('div', { class: 'piece-head' }, this.title,
      el('div', { class: 'piece-tags' }, this.requirement, this.badge)),
    this.conditionalNote, this.limits, this.refusal, this.result, this.note, this.chooser,
    this.nonConcerne, this.error);
    this.listenForDrops();
  }

  buildChooser(piece) {
    const inputId = uniqueId(`fichiers-${piece.code}`);
    this.input = el('input', {
      type: 'file', id: inputId, class: 'file-input visually-hidden', multiple: true,
      accept: ACCEPT,
      onchange: () => {
        const chosen = Array.from(this.input.files);
        this.input.value = '';  // so that the same file can be chosen again
        this.addFiles(chosen);
      },
    });
    this.files = new FileList({ onChange: (files) => { this.send.hidden = files.length === 0; } });
    this.send = el('button', {
      type: 'button', class: 'button primary send', hidden: true, onclick: () => this.upload(),
    }, 'Envoyer');
    this.progress = el('progress', { max: 1, value: 0, 'aria-label': `Envoi : ${piece.label}` });
    this.progressText = el('p', { class: 'progress-text' });
    this.progressBox = el('div', { class: 'upload-progress', hidden: true },
      this.progress, this.progressText);
    this.ack = el('p', { class: 'upload-ack', hidden: true, tabindex: '-1' });
    // Files refused (here or at the door), each with its reason: they are
    // no longer in the list, so the next « Envoyer » never sends them again.
    this.refusedFiles = el('ul', { class: 'refused-files', hidden: true });
    this.refusedBox = el('div', { role: 'alert' }, this.refusedFiles);
    return el('div', { class: 'chooser' },
      el('div', { class: 'drop-target' },
        this.input,
        el('label', { for: inputId, class: 'button secondary choose' },
          el('img', { src: '/static/icon-upload.svg', alt: '', class: 'icon' }),
          'Choisir des fichiers'),
        el('p', { class: 'drop-hint' },
          // Dragging means nothing on a touch screen.
          el('span', { class: 'drag-only' }, 'ou glissez-les ici. '),
          'Plusieurs fichiers pour cette pièce (photos de chaque page…) ? ' +
          'Choisissez-les ensemble : ils seront fusionnés en un seul PDF.')),
      this.refusedBox, this.files.element, this.send, this.progressBox, this.ack);
  }

  // The chosen files pass the door's checks before joining the list; a new
  // choice replaces the refusals shown for the previous one.
  async addFiles(chosen) {
    const cap = this.candidature?.max_file_bytes ?? DEFAULT_MAX_FILE_BYTES;
    const maxFiles = this.candidature?.max_files ?? DEFAULT_MAX_FILES;
    const formats = this.piece?.formats ?? ['pdf', 'jpeg', 'png'];
    const refusals = [];
    const kept = [];
    for (const file of chosen) {
      const refusal = await refusalOf(file, { formats, maxFileBytes: cap });
      if (refusal) refusals.push(refusal);
      else if (this.files.files.length + kept.length >= maxFiles)
        refusals.push(tooManySentence(file.name, maxFiles));
      else kept.push(file);
    }
    this.showRefused(refusals);
    this.files.add(kept);
  }

  showRefused(sentences) {
    fill(this.refusedFiles, sentences.map((sentence) =>
      el('li', { class: 'refused-file' },
        el('img', { src: '/static/icon-alert.svg', alt: '', class: 'icon' }),
        el('span', {}, sentence))));
    this.refusedFiles.hidden = sentences.length === 0;
  }

  // Files dropped anywhere on the card join the list.
  listenForDrops() {
    const accepts = (event) => this.editable && !this.uploading &&
      Array.from(event.dataTransfer?.types ?? []).includes('Files');
    this.element.addEventListener('dragover', (event) => {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      this.element.classList.add('dragging');
    });
    this.element.addEventListener('dragleave', (event) => {
      if (!this.element.contains(event.relatedTarget)) this.element.classList.remove('dragging');
    });
    this.element.addEventListener('drop', (event) => {
      this.element.classList.remove('dragging');
      if (!accepts(event)) return;
      event.preventDefault();
      this.addFiles(Array.from(event.dataTransfer.files));
    });
  }

  update(candidature, piece) {
    this.piece = piece;
    this.candidature = candidature;
    this.editable = pieceEditable(candidature, piece);
    this.title.textContent = piece.label;
    const conditional = piece.conditional && !piece.mandatory;
    this.requirement.textContent = conditional ? 'si vous êtes concerné' : 'obligatoire';
    this.requirement.className = `requirement ${conditional ? 'conditional' : 'mandatory'}`;
    setText(this.conditionalNote, conditional && this.editable && piece.status === 'AT'
      ? 'Déposez cette pièce, ou cliquez sur « Non concerné par cette pièce » si elle ne vous ' +
        'concerne pas : l’un ou l’autre est nécessaire pour transmettre votre dossier.'
      : '');
    this.conditionalNote.hidden = !this.conditionalNote.textContent;
    this.badge.textContent = pieceLabel(piece, candidature);
    this.badge.className = `status-badge piece-${piece.status}`;
    const cap = candidature.max_file_bytes ?? DEFAULT_MAX_FILE_BYTES;
    const iphone = piece.formats.includes('heic') ? ', photos d’iPhone comprises' : '';
    setText(this.limits, `${formatWords(piece.formats)}${iphone} — ${frenchLimit(cap)} par ` +
      `fichier. Le PDF obtenu est réduit par le service à ${frenchLimit(piece.max_bytes)} ` +
      'maximum : inutile de compresser vous-même.');
    this.limits.hidden = !this.editable;  // what may be sent matters only while it may be
    this.updateRefusal(piece);
    this.updateResult(piece);
    this.updateNote(candidature, piece);
    this.chooser.hidden = !this.editable;
    this.nonConcerne.hidden = !(piece.conditional && this.editable && piece.status !== 'NC');
    // The progress and the « reçus » line stay until this upload's result is in.
    const resultIn = piece.version >= this.awaitedVersion && piece.processing !== 'pending';
    if (!this.uploading && resultIn) {
      this.progressBox.hidden = true;
      this.ack.hidden = true;
    }
  }

  updateRefusal(piece) {
    const comment = gestionnaireComment(piece);
    this.refusal.hidden = !comment;
    if (!comment) return;
    fill(this.refusal,
      el('p', { class: 'refusal-title' },
        el('img', { src: '/static/icon-alert.svg', alt: '', class: 'icon' }),
        'Pièce refusée par la scolarité'),
      el('p', { class: 'refusal-comment' }, comment),
      this.editable
        ? el('p', {}, 'Déposez une nouvelle version de cette pièce, puis transmettez à nouveau ' +
          'votre dossier.')
        : null);
  }

  // Redrawn only when what it shows changed, so that the thumbnail is not
  // fetched again on every refresh.
  updateResult(piece) {
    const key = [piece.version, piece.processing, piece.status, piece.report?.status,
      piece.thumbnail, this.editable].join('|');
    if (key === this.resultKey) return;
    this.resultKey = key;
    fill(this.result, this.resultContent(piece));
  }

  resultContent(piece) {
    if (piece.status === 'NC')
      return el('p', { class: 'result info' },
        'Vous avez indiqué ne pas être concerné par cette pièce.' +
        (this.editable ? ' Vous pouvez tout de même la déposer.' : ''));
    switch (piece.processing) {
      case 'pending':
        return el('p', { class: 'result processing' },
          el('span', { class: 'spinner', 'aria-hidden': 'true' }),
          'Traitement en cours… vos fichiers sont assemblés et vérifiés.');
      case 'unprocessable':
        return el('div', { class: 'result warning' },
          el('p', { class: 'result-title' }, 'Vos fichiers ont bien été reçus'),
          el('p', {}, "Ils n'ont pas pu être traités automatiquement : un gestionnaire les " +
            "examinera lui-même. Vous n'avez rien à faire pour l'instant."));
      case 'done':
        return piece.report?.status === 'accepted' ? this.accepted(piece) : this.refused(piece);
      default:
        return null;
    }
  }

  accepted(piece) {
    const report = piece.report;
    const ine = candidateIne(report.ine, this.candidature.ine);
    const open = el('button', {
      type: 'button', class: 'button secondary open-pdf', onclick: () => this.openPdf(open),
    }, 'Voir le PDF');
    const names = piece.files.map((file) => file.name).join(', ');
    // Once the scolarité refused it, « acceptée » (by the pre-check) would
    // contradict the refusal: the result is then only the version refused.
    const refused = piece.status === 'RE';
    const reserve = refused ? null : ineReserve(piece);
    const look = refused ? 'result ok previous' : reserve ? 'result ok reserve' : 'result ok';
    let title = 'Pièce acceptée';
    if (refused) title = 'Version refusée';
    else if (reserve) title = 'Pièce acceptée avec réserve';
    return el('div', { class: look },
      piece.thumbnail ? thumbnailFigure(this.page.api, this.page.candidatureId, piece) : null,
      el('div', { class: 'result-text' },
        el('p', { class: 'result-title' },
          refused ? null : el('img', {
            src: `/static/icon-${reserve ? 'alert' : 'check'}.svg`, alt: '', class: 'icon',
          }),
          title),
        el('p', { class: 'result-facts' }, acceptedFacts(report)),
        ine ? el('p', { class: `ine ine-${report.ine.verdict} tone-${ine.tone}` }, ine.text) : null,
        names ? el('p', { class: 'result-files' }, `Fichiers déposés : ${names}`) : null,
        open));
  }

  refused(piece) {
    return el('div', { class: 'result refused' },
      el('p', { class: 'result-title' },
        el('img', { src: '/static/icon-alert.svg', alt: '', class: 'icon' }),
        'Pièce refusée par le contrôle automatique'),
      el('p', {}, piece.report?.message ?? piece.message ?? ''));
  }

  updateNote(candidature, piece) {
    let text = '';
    if (piece.status === 'VA')
      text = 'Pièce validée par la scolarité : elle ne peut plus être modifiée.';
    else if (candidature.status === 'RE')
      text = 'Votre dossier est en cours d’examen : ses pièces ne peuvent pas être modifiées ' +
        'pour le moment.';
    setText(this.note, text);
    this.note.hidden = !text;
  }

  showError(message) {
    setText(this.error, message);
    this.error.hidden = !message;
  }

  // A file the door refused leaves the list with the server's sentence; one
  // that a proxy refused (413 without the service's JSON) too. A refusal
  // that names none of the files (the whole request too large) takes them
  // all out: sending them again would meet the same wall.
  removeRefused(answer, files) {
    const fromService = typeof answer.body?.message === 'string';
    if (!fromService) {
      if (answer.status !== 413) return false;
      this.files.removeFiles(files);
      this.showRefused([files.length > 1
        ? `${PROXY_TOO_LARGE_SEVERAL} (${files.map((f) => `« ${f.name} »`).join(', ')})`
        : `« ${files[0].name} » : ${PROXY_TOO_LARGE}`]);
      return true;
    }
    const named = files.filter((file) => answer.body.message.includes(`« ${file.name} »`));
    if (answer.status === 400 && named.length === 0) return false;
    if (answer.status !== 400 && answer.status !== 413 && answer.status !== 415) return false;
    this.files.removeFiles(named.length ? named : files);
    this.showRefused([answer.body.message]);
    return true;
  }

  setUploading(uploading) {
    this.uploading = uploading;
    this.input.disabled = uploading;
    this.send.disabled = uploading;
    this.files.setDisabled(uploading);
    this.chooser.classList.toggle('busy', uploading);
  }

  showProgress(loaded, total) {
    this.progress.max = total;
    this.progress.value = loaded;
    this.progressText.textContent = `${frenchSize(loaded)} sur ${frenchSize(total)} envoyés`;
  }

  async upload() {
    const files = this.files.files.slice();
    if (files.length === 0) return;
    const total = this.files.totalBytes();
    this.showError('');
    this.showRefused([]);
    this.ack.hidden = true;
    this.setUploading(true);
    this.progressBox.hidden = false;
    this.showProgress(0, total);
    this.page.announce(`Envoi de « ${this.piece.label} » commencé.`);
    let sentTotal = total;
    try {
      const answer = await uploadFiles({
        url: piecePath(this.page.candidatureId, this.code, '/files'),
        token: this.page.api.token.value,
        files,
        onProgress: (loaded, all, done) => {
          if (done) this.showProgress(this.progress.max, this.progress.max);
          else { sentTotal = all; this.showProgress(loaded, all); }
        },
        onRetry: () => {
          setText(this.progressText, 'Connexion interrompue : nouvel essai…');
        },
      });
      this.afterUpload(answer, sentTotal, files);
    } catch {
      this.progressBox.hidden = true;
      this.showError(NETWORK_FAILED);
    } finally {
      this.setUploading(false);
      // The keyboard stays here: on « Envoyer » to try again, or on the receipt.
      keepFocus(this.send.hidden ? (this.ack.hidden ? this.input : this.ack) : this.send);
    }
  }

  afterUpload(answer, total, files) {
    if (answer.status === 202) {
      this.showProgress(total, total);
      setText(this.progressText, `${frenchSize(total)} envoyés : fichiers reçus.`);
      this.files.clear();
      this.awaitedVersion = answer.body?.version ?? 0;
      setText(this.ack, answer.body?.message ?? 'Fichiers reçus, traitement en cours.');
      this.ack.hidden = false;
      this.page.announce(`« ${this.piece.label} » : ${this.ack.textContent}`);
      this.page.refresh();
      return;
    }
    this.progressBox.hidden = true;
    if (answer.status === 401) {
      this.page.unauthorized();
      this.showError(UNAUTHORIZED_MESSAGE);
      return;
    }
    if (this.removeRefused(answer, files)) {
      this.page.announce(`« ${this.piece.label} » : ${this.refusedFiles.textContent}`);
      return;
    }
    this.showError(answer.body?.message ??
      `L'envoi a été refusé (erreur ${answer.status}). Réessayez dans quelques minutes.`);
  }

  async declareNonConcerne() {
    this.showError('');
    this.nonConcerne.disabled = true;
    try {
      await this.page.latest(this.page.api.json('POST',
        piecePath(this.page.candidatureId, this.code, '/non-concerne')));
      this.page.announce(`« ${this.piece.label} » : non concerné.`);
      keepFocus(this.title);
    } catch (error) {
      this.showError(error.message);
    } finally {
      this.nonConcerne.disabled = false;
    }
  }

  async openPdf(button) {
    this.showError('');
    button.setAttribute('aria-busy', 'true');
    try {
      const blob = await this.page.api.blob(piecePath(this.page.candidatureId, this.code, '/pdf'));
      showPdf(blob, {
        title: this.piece.label, fileName: `${this.page.candidatureId}-${this.code}.pdf`,
        returnFocus: button, activeContent: keptActiveContentSentence(this.piece.report),
      });
    } catch (error) {
      this.showError(error.message);
    } finally {
      button.removeAttribute('aria-busy');
    }
  }
}
