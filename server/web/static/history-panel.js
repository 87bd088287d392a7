// « Historique » of a dossier (GET /candidatures/{id}/history): every
// deposit, pre-check, decision, status change and transmission, oldest
// first, with who did it, in Paris time.
import { el, fill } from './dom.js';
import { candidaturePath } from './api.js';
import { parisDateTime } from './french-format.js';

export const HISTORY_KINDS = {
  creation: 'Création',
  upload: 'Dépôt',
  precheck: 'Contrôle automatique',
  decision: 'Décision',
  status: 'Changement de statut',
  transmission: 'Transmission',
  non_concerne: 'Non concerné',
};

// The service's names for those who are not a person's login.
const ACTORS = {
  candidat: 'Candidat',
  controle: 'Contrôle automatique',
  gestionnaire: 'Gestionnaire',
  admin: 'Administrateur',
};

function statusChange(entry) {
  if (!entry.new_status_label) return '';
  return entry.old_status_label
    ? `${entry.old_status_label} → ${entry.new_status_label}` : entry.new_status_label;
}

export class HistoryPanel {
  constructor(api) {
    this.api = api;
    this.body = el('div', { class: 'history-body' });
    this.element = el('section', { class: 'card history', 'aria-labelledby': 'historique-titre' },
      el('h3', { id: 'historique-titre' }, 'Historique'), this.body);
    this.id = null;
  }

  // Shows the history of `id`; again after each change of the dossier.
  async load(id) {
    if (this.id !== id)
      fill(this.body, el('p', { class: 'loading' }, 'Chargement de l’historique…'));
    this.id = id;
    this.body.setAttribute('aria-busy', 'true');
    try {
      const history = await this.api.json('GET', candidaturePath(id, '/history'));
      if (this.id === id) this.render(history.entries ?? []);
    } catch (error) {
      if (this.id === id) fill(this.body, el('p', { class: 'card-error' }, error.message));
    } finally {
      if (this.id === id) this.body.removeAttribute('aria-busy');
    }
  }

  render(entries) {
    if (!entries.length) {
      fill(this.body, el('p', { class: 'piece-note' }, 'Aucun événement enregistré.'));
      return;
    }
    const head = ['Date', 'Par', 'Action', 'Pièce', 'Statut', 'Commentaire'];
    fill(this.body, el('div', { class: 'table-scroll' }, el('table', { class: 'history-table' },
      el('thead', {}, el('tr', {}, head.map((label) => el('th', { scope: 'col' }, label)))),
      el('tbody', {}, entries.map((entry) => el('tr', { 'data-kind': entry.kind },
        el('td', { class: 'history-date' }, parisDateTime(entry.at)),
        el('td', { class: 'history-by' }, ACTORS[entry.by] ?? entry.by ?? ''),
        el('td', { class: 'history-kind' }, HISTORY_KINDS[entry.kind] ?? entry.kind),
        el('td', {}, entry.piece_label ?? entry.piece ?? ''),
        el('td', { class: 'history-status' }, statusChange(entry)),
        el('td', { class: 'history-comment' }, entry.comment ?? '')))))));
  }
}
