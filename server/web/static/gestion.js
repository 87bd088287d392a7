// The gestionnaire's page, /gestion/#token=…: the work list as a table
// (search, formation, status, flags, sort, pages — all kept in the address),
// the dossier opened beside it, the selection and its bulk actions, and the
// keyboard flow (keyboard-flow.js, help-overlay.js).
import { announcer, el, fill, setText } from './dom.js';
import { createApi, takeToken } from './api.js';
import { BulkActions } from './bulk-actions.js';
import { DossierReview, piecesToExamine } from './dossier-review.js';
import { datedName, download } from './download.js';
import { frenchNumber, typography } from './french-format.js';
import { HelpOverlay } from './help-overlay.js';
import { installKeyboardFlow } from './keyboard-flow.js';
import { WorklistTable } from './worklist-table.js';
import {
  PAGE_SIZE, filterParams, listParams, nextSort, searchOfView, viewFromSearch,
} from './worklist-url.js';

const GESTION_UNAUTHORIZED =
  "Votre lien d'accès a expiré ou est incomplet : reconnectez-vous à eCandidat, puis " +
  'ouvrez à nouveau l’outil d’examen des pièces.';

export const FLAG_LABELS = {
  ine_illisible: 'INE illisible',
  ine_different: 'INE différent',
  refusee_controle: 'Refusée par le contrôle',
  unprocessable: 'Non traitée',
  contenu_actif: 'Contenu actif',
};

// Typing pauses this long before the list is asked again.
const SEARCH_DELAY_MS = 250;

const byId = (id) => document.getElementById(id);
const nodes = {
  access: byId('acces'),
  workspace: byId('espace'),
  filters: byId('filtres'),
  search: byId('recherche'),
  formation: byId('filtre-formation'),
  status: byId('filtre-statut'),
  flags: Array.from(document.querySelectorAll('input[name="flag"]')),
  table: byId('liste'),
  count: byId('nombre'),
  range: byId('plage'),
  previous: byId('page-precedente'),
  next: byId('page-suivante'),
  refresh: byId('actualiser'),
  exportList: byId('exporter-liste'),
  help: byId('aide-clavier'),
  listError: byId('liste-erreur'),
  dossier: byId('dossier'),
};

const token = takeToken('gestion');
const announce = announcer(byId('annonces'));
const api = createApi(token, () => showAccessProblem(GESTION_UNAUTHORIZED));
const help = new HelpOverlay();
const state = { view: viewFromSearch(window.location.search), lastChange: null, request: 0 };

const table = new WorklistTable(nodes.table, {
  onOpen: (id) => openDossier(id),
  onSort: (key) => change({ sort: nextSort(state.view.sort, key) }, 'sort'),
  onSelection: () => bulk.update(),
}, FLAG_LABELS);
const bulk = new BulkActions(byId('lot'), {
  api, announce, table, sort: () => state.view.sort,
  onChanged: () => {
    loadList();
    review.reload();  // the open dossier may be one of those changed
  },
});
const review = new DossierReview(nodes.dossier, {
  api, announce, onChanged: dossierChanged, onClose: () => closeDossier(),
});

function showAccessProblem(message) {
  review.close();
  nodes.workspace.hidden = true;
  fill(nodes.access,
    el('p', { class: 'access-title' }, 'Impossible d’afficher les dossiers'),
    el('p', {}, message));
  nodes.access.hidden = false;
}

// The controls show the view (at start and when the back button brings another).
function showView() {
  const { view } = state;
  nodes.search.value = view.q;
  ensureFormation(view.formation);
  nodes.formation.value = view.formation;
  nodes.status.value = view.status;
  for (const box of nodes.flags) box.checked = view.flags.includes(box.value);
}

function ensureFormation(formation) {
  if (!formation || [...nodes.formation.options].some((o) => o.value === formation)) return;
  nodes.formation.append(new Option(formation, formation));
}

// Rebuilt only when the formations change: an open drop-down stays open.
function fillFormations(formations) {
  const chosen = state.view.formation;
  const known = [...nodes.formation.options].slice(1).map((option) => option.value);
  if (known.join('\n') === formations.join('\n') && nodes.formation.value === chosen) return;
  nodes.formation.replaceChildren(new Option('Toutes les formations', ''),
    ...formations.map((formation) => new Option(formation, formation)));
  ensureFormation(chosen);
  nodes.formation.value = chosen;
}

// A new view: into the address (one history entry per change, but one for
// a whole search typed), then the list. Any change but a page's goes back
// to page 1.
function change(changes, kind) {
  state.view = { ...state.view, page: 1, ...changes };
  const url = window.location.pathname + searchOfView(state.view) + window.location.hash;
  if (kind === 'q' && state.lastChange === 'q') window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  state.lastChange = kind;
  loadList();
}

// The answer of the latest request only: a slow one must not overwrite it.
async function loadList() {
  state.request += 1;
  const request = state.request;
  const { view } = state;
  nodes.table.setAttribute('aria-busy', 'true');
  try {
    const answer = await api.json('GET', `/api/v1/candidatures?${listParams(view)}`);
    if (request !== state.request) return;
    const lastPage = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
    if (view.page > lastPage) {  // fewer dossiers than when the page was chosen
      state.view = { ...view, page: lastPage };
      window.history.replaceState(null, '',
        window.location.pathname + searchOfView(state.view) + window.location.hash);
      loadList();
      return;
    }
    fillFormations(answer.formations ?? []);
    table.render(answer.items, view.sort);
    showCount(answer.total, view.page, answer.items.length);
    bulk.update();
    nodes.listError.hidden = true;
  } catch (error) {
    if (error.status === 401 || request !== state.request) return;
    setText(nodes.listError, error.message);
    nodes.listError.hidden = false;
  } finally {
    if (request === state.request) nodes.table.removeAttribute('aria-busy');
  }
}

// The count is a live region: said again only when it changes.
function showCount(total, page, shown) {
  const count = total ? `${frenchNumber(total)} ${total > 1 ? 'dossiers' : 'dossier'}`
    : 'Aucun dossier ne correspond à ces critères.';
  if (nodes.count.textContent !== typography(count)) setText(nodes.count, count);
  const first = (page - 1) * PAGE_SIZE + 1;
  setText(nodes.range, total ? `${frenchNumber(first)}–${frenchNumber(first + shown - 1)} sur ${
    frenchNumber(total)}` : '');
  nodes.previous.disabled = page <= 1;
  nodes.next.disabled = page * PAGE_SIZE >= total;
}

function openDossier(id) {
  table.setOpen(id);
  nodes.workspace.classList.add('with-dossier');
  review.open(id);
}

function closeDossier() {
  review.close();
  table.setOpen(null);
  nodes.workspace.classList.remove('with-dossier');
  table.focusCursor();
}

// After a decision that leaves nothing to examine, the next dossier of the
// list opens (the list, asked again, may no longer hold this one).
function dossierChanged(candidature, { decided }) {
  if (decided && piecesToExamine(candidature).length === 0) {
    const next = table.nextAfter(candidature.id);
    if (next) {
      announce('Plus rien à examiner dans ce dossier : dossier suivant.');
      table.open(next);
    } else {
      announce('Plus rien à examiner dans ce dossier, dernier de la page.');
    }
  }
  loadList();
}

async function exportList() {
  nodes.exportList.setAttribute('aria-busy', 'true');
  try {
    await download(api, {
      path: `/api/v1/candidatures.csv?${filterParams(state.view)}`,
      fileName: datedName('candidatures', 'csv'),
    });
    announce('Export CSV de la liste téléchargé.');
  } catch (error) {
    if (error.status === 401) return;
    setText(nodes.listError, error.message);
    nodes.listError.hidden = false;
  } finally {
    nodes.exportList.removeAttribute('aria-busy');
  }
}

// Acts on the open dossier, or says how to open one.
function onDossier(action) {
  return () => {
    if (review.current) action();
    else announce('Aucun dossier ouvert : choisissez-en un dans la liste, puis appuyez sur ' +
      'Entrée.');
  };
}

function listenToControls() {
  let timer = null;
  const searchNow = () => {
    window.clearTimeout(timer);
    if (nodes.search.value.trim() !== state.view.q.trim()) change({ q: nodes.search.value }, 'q');
  };
  nodes.search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(searchNow, SEARCH_DELAY_MS);
  });
  nodes.search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') searchNow();
  });
  nodes.filters.addEventListener('submit', (event) => event.preventDefault());
  nodes.formation.addEventListener('change', () =>
    change({ formation: nodes.formation.value }, 'filter'));
  nodes.status.addEventListener('change', () => change({ status: nodes.status.value }, 'filter'));
  for (const box of nodes.flags) box.addEventListener('change', () => change({
    flags: nodes.flags.filter((b) => b.checked).map((b) => b.value),
  }, 'filter'));
  nodes.previous.addEventListener('click', () =>
    change({ page: Math.max(1, state.view.page - 1) }, 'page'));
  nodes.next.addEventListener('click', () => change({ page: state.view.page + 1 }, 'page'));
  nodes.refresh.addEventListener('click', () => loadList());
  nodes.exportList.addEventListener('click', exportList);
  nodes.help.addEventListener('click', () => help.show());
  window.addEventListener('popstate', () => {
    state.view = viewFromSearch(window.location.search);
    state.lastChange = null;
    showView();
    loadList();
  });
  installKeyboardFlow({
    next: () => table.moveCursor(1),
    previous: () => table.moveCursor(-1),
    open: () => { if (table.currentId()) table.open(table.currentId()); },
    validate: onDossier(() => review.validateConformes()),
    refuse: onDossier(() => review.startRefusal()),
    openPdf: onDossier(() => review.openCurrentPdf()),
    search: () => { nodes.search.focus(); nodes.search.select(); },
    select: () => table.toggleCurrent(),
    help: () => help.show(),
    close: () => { if (review.current) closeDossier(); },
  }, nodes.dossier);
}

showView();
listenToControls();
if (!token.value) showAccessProblem(GESTION_UNAUTHORIZED);
else loadList();
