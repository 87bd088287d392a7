// The candidate's page, /candidat/{id}#token=…: the dossier's status, one
// card per pièce, « Transmettre mon dossier » and « Télécharger mon dossier ».
// While a pièce is being processed the page asks for the dossier every 1,5 s
// and shows the result as soon as it is there.
import { announcer, el, fill, keepFocus, setText } from './dom.js';
import { candidaturePath, createApi, takeToken, UNAUTHORIZED_MESSAGE } from './api.js';
import { quotedList } from './french-format.js';
import { saveBlob } from './pdf-viewer.js';
import { PieceCard } from './piece-card.js';
import {
  CANDIDATURE_STATUS, candidatureLabel, canTransmit, transmitBlockers,
} from './statuses.js';

const POLL_MS = 1500;

const byId = (id) => document.getElementById(id);
const view = {
  loading: byId('chargement'),
  access: byId('acces'),
  dossier: byId('dossier'),
  formation: byId('formation'),
  status: byId('statut'),
  statusSentence: byId('statut-phrase'),
  help: byId('aide'),
  pieces: byId('pieces'),
  pageError: byId('erreur-page'),
  transmit: byId('transmettre'),
  transmitReason: byId('transmettre-raison'),
  transmitError: byId('transmettre-erreur'),
  download: byId('telecharger'),
  downloadError: byId('telecharger-erreur'),
};

const candidatureId = decodeURIComponent(
  window.location.pathname.split('/').filter(Boolean).pop() ?? '');
const token = takeToken(`candidat.${candidatureId}`);
const announce = announcer(byId('annonces'));
const api = createApi(token, () => showAccessProblem());
const cards = new Map();
let current = null;
let pollTimer = null;
let stopped = false;

const page = {
  api, candidatureId, announce, latest, refresh, unauthorized: () => showAccessProblem(),
};

function showAccessProblem(message = UNAUTHORIZED_MESSAGE) {
  stopped = true;
  window.clearTimeout(pollTimer);
  view.loading.hidden = true;
  view.dossier.hidden = true;
  fill(view.access,
    el('p', { class: 'access-title' }, 'Impossible d’afficher votre dossier'),
    el('p', {}, message));
  view.access.hidden = false;
}

function showError(node, message) {
  setText(node, message);
  node.hidden = !message;
}

// Says aloud what changed since the last answer: the dossier's status, and
// each pièce whose processing just finished.
function announceChanges(before, after) {
  if (before && before.status !== after.status)
    announce(`Statut de votre dossier : ${candidatureLabel(after)}.`);
  if (!before) return;
  for (const piece of after.pieces) {
    const old = before.pieces.find((p) => p.code === piece.code);
    if (old?.processing !== 'pending' || piece.processing === 'pending') continue;
    if (piece.processing === 'done')
      announce(`« ${piece.label} » : ${piece.report?.status === 'accepted'
        ? 'pièce acceptée' : 'pièce refusée'}. ${piece.report?.message ?? ''}`);
    else announce(`« ${piece.label} » : un gestionnaire examinera vos fichiers.`);
  }
}

// A poll sent before a transmission may answer after it: only an answer to
// a request sent after the one shown is applied, so the page never goes back.
let issued = 0;
let shown = 0;
async function latest(request) {
  issued += 1;
  const order = issued;
  const candidature = await request;
  if (order > shown) {
    shown = order;
    apply(candidature);
  }
  return candidature;
}

function apply(candidature) {
  announceChanges(current, candidature);
  current = candidature;
  view.loading.hidden = true;
  view.dossier.hidden = false;
  document.title = `Mes pièces justificatives — ${candidature.formation}`;
  view.formation.textContent = candidature.formation;
  view.status.textContent = candidatureLabel(candidature);
  view.status.className = `status-badge candidature-${candidature.status}`;
  setText(view.statusSentence, CANDIDATURE_STATUS[candidature.status]?.sentence ?? '');
  // How to send pièces matters only while they can be sent.
  view.help.hidden = !(candidature.status === 'AT' || candidature.status === 'IN');
  renderCards(candidature);
  renderTransmit(candidature);
  schedulePoll(candidature);
}

function renderCards(candidature) {
  for (const piece of candidature.pieces) {
    if (!cards.has(piece.code)) cards.set(piece.code, new PieceCard(piece, page));
    cards.get(piece.code).update(candidature, piece);
  }
  // Nodes move only when the order changed: moving a node loses its focus.
  const order = candidature.pieces.map((piece) => cards.get(piece.code).element);
  const shown = Array.from(view.pieces.children);
  if (order.length !== shown.length || order.some((node, i) => node !== shown[i]))
    fill(view.pieces, order);
}

function transmitReason(candidature) {
  if (candidature.status === 'RE') return 'Votre dossier a été transmis : il est en cours d’examen.';
  if (candidature.status === 'CO') return 'Votre dossier est complet : il n’y a plus rien à transmettre.';
  const { missing, refused } = transmitBlockers(candidature);
  if (missing.length === 0 && refused.length === 0)
    return candidature.status === 'IN'
      ? 'Les pièces refusées ont été remplacées : transmettez à nouveau votre dossier pour ' +
        'qu’il soit examiné.'
      : 'Toutes les pièces sont déposées : vérifiez-les, puis transmettez votre dossier pour ' +
        'qu’il soit examiné.';
  const parts = ['Votre dossier ne peut pas encore être transmis.'];
  if (missing.length)
    parts.push(`${missing.length > 1 ? 'Pièces à déposer' : 'Pièce à déposer'} : ` +
      `${quotedList(missing.map((p) => p.label))}.`);
  if (refused.length)
    parts.push(`${refused.length > 1 ? 'Pièces refusées à remplacer' : 'Pièce refusée à remplacer'} : ` +
      `${quotedList(refused.map((p) => p.label))}.`);
  if (missing.some((p) => p.conditional))
    parts.push('Une pièce facultative peut aussi être déclarée « Non concerné ».');
  return parts.join(' ');
}

function renderTransmit(candidature) {
  view.transmit.disabled = !canTransmit(candidature);
  setText(view.transmitReason, transmitReason(candidature));
}

function schedulePoll(candidature) {
  window.clearTimeout(pollTimer);
  if (stopped) return;
  if (candidature.pieces.some((piece) => piece.processing === 'pending'))
    pollTimer = window.setTimeout(refresh, POLL_MS);
}

// One request at a time: a refresh asked for during another runs right after it.
let inFlight = null;
let again = false;
async function refresh() {
  if (inFlight) { again = true; return inFlight; }
  inFlight = (async () => {
    try {
      do {
        again = false;
        await latest(api.json('GET', candidaturePath(candidatureId)));
        showError(view.pageError, '');
      } while (again && !stopped);
    } catch (error) {
      if (error.status === 401) return;
      if (!current) { showAccessProblem(error.message); return; }
      showError(view.pageError, `Actualisation impossible : ${error.message}`);
      window.clearTimeout(pollTimer);
      pollTimer = window.setTimeout(refresh, POLL_MS * 2);
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

async function transmit() {
  showError(view.transmitError, '');
  view.transmit.disabled = true;
  try {
    await latest(api.json('POST', candidaturePath(candidatureId, '/transmit')));
    keepFocus(view.transmitReason);
  } catch (error) {
    showError(view.transmitError, error.message);
    if (current) renderTransmit(current);
    keepFocus(view.transmit.disabled ? view.transmitReason : view.transmit);
  }
}

async function download() {
  showError(view.downloadError, '');
  view.download.setAttribute('aria-busy', 'true');
  const label = view.download.textContent;
  view.download.textContent = 'Préparation du PDF…';
  try {
    const blob = await api.blob(candidaturePath(candidatureId, '/dossier.pdf'));
    saveBlob(blob, `${candidatureId}-dossier.pdf`);
  } catch (error) {
    showError(view.downloadError, error.message);
  } finally {
    view.download.textContent = label;
    view.download.removeAttribute('aria-busy');
  }
}

view.transmit.addEventListener('click', transmit);
view.download.addEventListener('click', download);
if (!token.value) showAccessProblem();
else refresh();
