// The gestionnaire's page, /gestion/#token=…: the work list (filtered by
// status and by what the pre-check found) and the dossier selected in it.
import { announcer, el, fill, setText } from './dom.js';
import { createApi, takeToken } from './api.js';
import { frenchCount, frenchDateTime } from './french-format.js';
import { DossierReview } from './dossier-review.js';

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

const byId = (id) => document.getElementById(id);
const view = {
  access: byId('acces'),
  workspace: byId('espace'),
  filters: byId('filtres'),
  status: byId('filtre-statut'),
  flags: Array.from(document.querySelectorAll('input[name="flag"]')),
  count: byId('nombre'),
  list: byId('liste'),
  listError: byId('liste-erreur'),
  dossier: byId('dossier'),
};

const token = takeToken('gestion');
const announce = announcer(byId('annonces'));
const api = createApi(token, () => showAccessProblem(GESTION_UNAUTHORIZED));
const review = new DossierReview(view.dossier, { api, announce, onChanged: () => loadList() });
let selectedId = null;

function showAccessProblem(message) {
  review.close();
  view.workspace.hidden = true;
  fill(view.access,
    el('p', { class: 'access-title' }, 'Impossible d’afficher les dossiers'),
    el('p', {}, message));
  view.access.hidden = false;
}

function chosenFlags() {
  return view.flags.filter((box) => box.checked).map((box) => box.value);
}

// The server filters by status (and by one flag); several flags are kept
// here as « any of them ».
async function loadList() {
  const params = new URLSearchParams();
  if (view.status.value) params.set('status', view.status.value);
  const flags = chosenFlags();
  if (flags.length === 1) params.set('flag', flags[0]);
  view.list.setAttribute('aria-busy', 'true');
  try {
    const items = await api.json('GET', `/api/v1/candidatures?${params}`);
    const shown = flags.length
      ? items.filter((item) => (item.flags ?? []).some((flag) => flags.includes(flag)))
      : items;
    renderList(shown);
    view.listError.hidden = true;
  } catch (error) {
    if (error.status === 401) return;
    setText(view.listError, error.message);
    view.listError.hidden = false;
  } finally {
    view.list.removeAttribute('aria-busy');
  }
}

function renderList(items) {
  view.count.textContent = items.length
    ? frenchCount(items.length, 'dossier', 'dossiers')
    : 'Aucun dossier ne correspond à ces critères.';
  fill(view.list, items.map((item) => el('li', {},
    el('button', {
      type: 'button', class: 'worklist-item', 'data-id': item.id,
      'aria-current': item.id === selectedId ? 'true' : null,
      onclick: () => select(item.id),
    },
    el('span', { class: 'item-line' },
      el('span', { class: 'item-id' }, item.id),
      el('span', { class: `status-badge candidature-${item.status}` }, item.status_label)),
    el('span', { class: 'item-formation' }, item.formation),
    (item.flags ?? []).length
      ? el('span', { class: 'flags' }, item.flags.map((flag) =>
        el('span', { class: `flag flag-${flag}` }, FLAG_LABELS[flag] ?? flag)))
      : null,
    el('span', { class: 'item-meta' }, `Modifié le ${frenchDateTime(item.updated_at)}`,
      item.pieces_to_check
        ? ` · ${frenchCount(item.pieces_to_check, 'pièce à vérifier', 'pièces à vérifier')}`
        : '')))));
}

function select(id) {
  selectedId = id;
  for (const button of view.list.querySelectorAll('.worklist-item'))
    if (button.dataset.id === id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  review.open(id);
}

view.filters.addEventListener('change', () => loadList());
view.filters.addEventListener('submit', (event) => {
  event.preventDefault();
  loadList();
});
if (!token.value) showAccessProblem(GESTION_UNAUTHORIZED);
else loadList();
