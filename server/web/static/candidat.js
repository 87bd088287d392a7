// The candidate's page, /candidat/{id}#token=…: the dossier's status and
// deadline, one card per pièce, « Transmettre mon dossier » (confirmed in a
// dialog, then its récépissé) and « Télécharger mon dossier ».
// While a pièce is being processed the page asks for the dossier every 1,5 s
// and shows the result as soon as it is there.
import { announcer, el, fill, keepFocus, setText } from './dom.js';
import { candidaturePath, createApi, UNAUTHORIZED_MESSAGE } from './api.js';
import { deadlineSentence } from './deadline.js';
import { formatWords, frenchCount, quotedList } from './french-format.js';
import { saveBlob } from './pdf-viewer.js';
import { PieceCard } from './piece-card.js';
import { showReceipt } from './receipt.js';
import { closeSession, openSession, takeFragmentToken } from './session.js';
import {
  CANDIDATURE_STATUS, candidatureLabel, canTransmit, ineReserve, pieceCounts, transmitBlockers,
} from './statuses.js';
import { TransmitDialog } from './transmit-dialog.js';

const POLL_MS = 1500;

const byId = (id) => document.getElementById(id);
const view = {
  loading: byId('chargement'),
  access: byId('acces'),
  dossier: byId('dossier'),
  formation: byId('formation'),
  status: byId('statut'),
  statusSentence: byId('statut-phrase'),
  progress: byId('avancement'),
  deadline: byId('date-limite'),
  help: byId('aide'),
  helpFormats: byId('aide-formats'),
  pieces: byId('pieces'),
  pageError: byId('erreur-page'),
  transmit: byId('transmettre'),
  transmitReason: byId('transmettre-raison'),
  transmitReserve: byId('transmettre-reserve'),
  transmitError: byId('transmettre-erreur'),
  download: byId('telecharger'),
  downloadError: byId('telecharger-erreur'),
  forget: byId('oublier'),
  receipt: {
    section: byId('recepisse'),
    date: byId('recepisse-date'),
    pieces: byId('recepisse-pieces'),
    pdf: byId('recepisse-pdf'),
    error: byId('recepisse-erreur'),
  },
};
const confirmation = new TransmitDialog({
  dialog: byId('confirmation'),
  pieces: byId('confirmation-pieces'),
  reserve: byId('confirmation-reserve'),
  confirm: byId('confirmation-transmettre'),
  cancel: byId('confirmation-annuler'),
});

const candidatureId = decodeURIComponent(
  window.location.pathname.split('/').filter(Boolean).pop() ?? '');
// The token is sent by the page itself only when the service has no
// session to trade it for (then kept for this tab, as a reload must work).
const tokenKey = `dossier.token.candidat.${candidatureId}`;
const token = {
  value: null,
  forget() { this.value = null; sessionStorage.removeItem(tokenKey); },
};
let cookieSession = false;
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
  renderHelpFormats(candidature);
  renderProgress(candidature);
  renderCards(candidature);
  renderTransmit(candidature);
  renderReceipt(candidature);
  schedulePoll(candidature);
}

// The formats asked by any pièce, from the API: the help follows the policy.
function renderHelpFormats(candidature) {
  const formats = [...new Set(candidature.pieces.flatMap((piece) => piece.formats))];
  if (formats.length === 0) return;
  const iphone = formats.includes('heic') ? ', photos d’iPhone comprises' : '';
  setText(view.helpFormats, `Chaque pièce se dépose en ${formatWords(formats)} : un scan ou ` +
    `une photo de votre téléphone convient${iphone}.`);
}

// « 3 pièces sur 6 déposées, 1 déclarée non concernée » and the deadline.
function progressSentence(candidature) {
  const counts = pieceCounts(candidature);
  const plural = counts.deposited > 1;
  const parts = [`${counts.deposited} ${plural ? 'pièces' : 'pièce'} sur ${counts.total} ` +
    `${plural ? 'déposées' : 'déposée'}`];
  if (counts.nonConcerne)
    parts.push(`${counts.nonConcerne} ${counts.nonConcerne > 1
      ? 'déclarées non concernées' : 'déclarée non concernée'}`);
  if (counts.refused)
    parts.push(`${counts.refused} ${counts.refused > 1 ? 'refusées' : 'refusée'} à remplacer`);
  return `${parts.join(', ')}.`;
}

function renderProgress(candidature) {
  setText(view.progress, progressSentence(candidature));
  const open = candidature.status === 'AT' || candidature.status === 'IN';
  const deadline = open ? deadlineSentence(candidature.date_limite) : null;
  setText(view.deadline, deadline?.text ?? '');
  view.deadline.className = `deadline${deadline?.urgent ? ' urgent' : ''}`;
  view.deadline.hidden = !deadline;
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
  if (missing.some((p) => p.conditional && !p.mandatory))
    parts.push('Une pièce demandée « si vous êtes concerné » se dépose, ou se déclare ' +
      '« Non concerné par cette pièce ».');
  return parts.join(' ');
}

// Accepted pièces whose INE could not be confirmed do not stop the
// transmission; the candidate is told what the scolarité will see.
function reserveSentence(candidature) {
  const reserved = candidature.pieces.filter((piece) => ineReserve(piece));
  if (reserved.length === 0) return '';
  const unreadable = reserved.filter((piece) => ineReserve(piece) !== 'different');
  const different = reserved.filter((piece) => ineReserve(piece) === 'different');
  const parts = [`${frenchCount(reserved.length, 'pièce acceptée', 'pièces acceptées')} avec ` +
    `réserve (${quotedList(reserved.map((piece) => piece.label))}).`];
  if (unreadable.length)
    parts.push('L’INE n’a pas pu y être vérifié (illisible ou introuvable) : la scolarité ' +
      'pourra vous demander un document plus lisible.');
  if (different.length)
    parts.push('L’INE lu ne correspond pas à celui de votre profil : vérifiez votre profil ' +
      'eCandidat ou le document déposé.');
  parts.push('Vous pouvez tout de même transmettre votre dossier.');
  return parts.join(' ');
}

function renderTransmit(candidature) {
  view.transmit.disabled = !canTransmit(candidature);
  setText(view.transmitReason, transmitReason(candidature));
  const open = candidature.status === 'AT' || candidature.status === 'IN';
  const reserve = open ? reserveSentence(candidature) : '';
  setText(view.transmitReserve, reserve);
  view.transmitReserve.hidden = !reserve;
}

// The récépissé of the last transmission, fetched again only when another
// transmission happened. A service that does not say (no `recepisse` field)
// is asked once the dossier is transmitted.
let receiptFor = null;
async function renderReceipt(candidature, { focus = false } = {}) {
  const transmitted = candidature.status === 'RE' || candidature.status === 'CO';
  const at = candidature.recepisse === undefined
    ? (transmitted ? 'unknown' : null) : candidature.recepisse?.transmitted_at ?? null;
  if (!at) { view.receipt.section.hidden = true; receiptFor = null; return; }
  if (at === receiptFor && !focus) return;
  receiptFor = at;
  try {
    const receipt = await api.json('GET', candidaturePath(candidatureId, '/recepisse'));
    showReceipt(view.receipt, receipt, candidaturePath(candidatureId, '/recepisse.pdf'));
    if (focus) view.receipt.section.focus();
  } catch (error) {
    receiptFor = null;
    if (error.status === 404) view.receipt.section.hidden = true;
  }
}

// With the session cookie the récépissé is a plain link; with a token only
// the page can fetch it.
async function downloadReceipt(event) {
  showError(view.receipt.error, '');
  if (cookieSession) return;
  event.preventDefault();
  try {
    const blob = await api.blob(candidaturePath(candidatureId, '/recepisse.pdf'));
    saveBlob(blob, `${candidatureId}-recepisse.pdf`);
  } catch (error) {
    showError(view.receipt.error, error.message);
  }
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
  if (!current || !(await confirmation.ask(current, reserveSentence(current)))) return;
  view.transmit.disabled = true;
  try {
    const candidature = await latest(api.json('POST', candidaturePath(candidatureId, '/transmit')));
    announce('Votre dossier a été transmis.');
    await renderReceipt(candidature, { focus: true });
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

// Opens the page with what it has: a token just read from the address bar
// (traded for the session cookie), or the cookie from an earlier visit.
async function connect(fresh) {
  // A link that is refused (expired, mistyped) still leaves the session an
  // earlier link opened: the API says whether there is one (401 if not).
  const outcome = fresh ? await openSession(candidatureId, fresh) : null;
  if (outcome === 'bearer') {
    cookieSession = false;
    token.value = fresh;
    sessionStorage.setItem(tokenKey, fresh);
  } else if (outcome) {
    cookieSession = true;
    token.forget();
  } else {
    token.value = sessionStorage.getItem(tokenKey);
    cookieSession = !token.value;
  }
  view.forget.hidden = !cookieSession;
  stopped = false;
  view.access.hidden = true;
  if (!current) view.loading.hidden = false;
  await refresh();
}

// « Oublier ce lien sur cet appareil »: on a shared computer, the next
// person opening the page from the history sees nothing.
async function forget() {
  try {
    await closeSession(candidatureId);
  } catch {
    showError(view.pageError, 'Le service ne répond pas : réessayez dans un instant.');
    return;
  }
  token.forget();
  current = null;
  showAccessProblem('Ce lien a été oublié sur cet appareil. Pour revenir à votre dossier, ' +
    'ouvrez à nouveau le lien depuis votre espace eCandidat.');
}

view.transmit.addEventListener('click', transmit);
view.download.addEventListener('click', download);
view.receipt.pdf.addEventListener('click', downloadReceipt);
view.forget.addEventListener('click', forget);
// A fresh link pasted into the open page: no reload needed.
window.addEventListener('hashchange', () => {
  const fresh = takeFragmentToken();
  if (fresh) connect(fresh);
});
connect(takeFragmentToken());
