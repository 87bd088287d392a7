// The work list as a dense table: one row per dossier, a checkbox to select
// it, its name as the button that opens it, the columns that can be sorted
// as buttons in their header (aria-sort says the order). A cursor (the
// keyboard's current row) moves with j / k; the open dossier's row is
// marked aria-current. The selection is kept across pages and reloads.
import { el, fill } from './dom.js';
import { parisDateTime } from './french-format.js';

const COLUMNS = [
  { label: 'Nom', sort: 'nom', className: 'col-nom' },
  { label: 'Prénom', className: 'col-prenom' },
  { label: 'INE', className: 'col-ine' },
  { label: 'Formation', sort: 'formation', className: 'col-formation' },
  { label: 'Statut', sort: 'status', className: 'col-statut' },
  { label: 'Signalements', className: 'col-flags' },
  { label: 'Pièces', className: 'col-pieces' },
  { label: 'Modifié', sort: 'updated', className: 'col-date' },
];

// « DUPONT Camille » or, for a dossier eCandidat sent without a name, its number.
export function dossierName(item) {
  const name = [item.nom, item.prenom].filter(Boolean).join(' ');
  return name || `dossier ${item.id}`;
}

export class WorklistTable {
  // events: {onOpen(id), onSort(key), onSelection()}; flagLabels: code → words.
  constructor(table, events, flagLabels) {
    this.table = table;
    this.events = events;
    this.flagLabels = flagLabels;
    this.items = [];
    this.rows = new Map();  // id → <tr>
    this.selected = new Map();  // id → item
    this.cursor = -1;
    this.openId = null;
    this.pageBox = el('input', {
      type: 'checkbox', class: 'select-box', 'aria-label': 'Tout sélectionner sur la page',
      onchange: () => this.selectPage(this.pageBox.checked),
    });
    this.sortButtons = new Map();  // key → <th>
    this.body = el('tbody');
    fill(table,
      el('caption', { class: 'visually-hidden' },
        'Dossiers de candidature ; les colonnes Nom, Formation, Statut et Modifié peuvent ' +
        'être triées.'),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', class: 'col-select' }, this.pageBox),
        COLUMNS.map((column) => this.headerCell(column)))),
      this.body);
  }

  headerCell(column) {
    if (!column.sort) return el('th', { scope: 'col', class: column.className }, column.label);
    const cell = el('th', { scope: 'col', class: `${column.className} sortable` },
      el('button', {
        type: 'button', class: 'sort-button', onclick: () => this.events.onSort(column.sort),
      }, column.label, el('span', { class: 'sort-mark', 'aria-hidden': 'true' })));
    this.sortButtons.set(column.sort, cell);
    return cell;
  }

  // `sort`: "nom", "-updated"…
  render(items, sort) {
    const cursorId = this.currentId();
    this.items = items;
    this.rows.clear();
    for (const [key, cell] of this.sortButtons) {
      if (sort === key) cell.setAttribute('aria-sort', 'ascending');
      else if (sort === `-${key}`) cell.setAttribute('aria-sort', 'descending');
      else cell.removeAttribute('aria-sort');
    }
    fill(this.body, items.map((item) => this.row(item)));
    // The cursor stays on its dossier, else at its place; none before the first j.
    const kept = items.findIndex((item) => item.id === cursorId);
    this.cursor = kept >= 0 ? kept : Math.min(this.cursor, items.length - 1);
    this.markRows();
    this.updatePageBox();
  }

  row(item) {
    const box = el('input', {
      type: 'checkbox', class: 'select-box', 'aria-label': `Sélectionner ${dossierName(item)}`,
      onchange: () => this.setSelected(item, box.checked),
    });
    box.checked = this.selected.has(item.id);
    if (box.checked) this.selected.set(item.id, item);  // the latest status, for the bulk bar
    const flags = item.flags ?? [];
    const toCheck = item.pieces_to_check ?? 0;
    const row = el('tr', {
      class: 'worklist-item', 'data-id': item.id, onclick: (event) => this.rowClicked(event, item),
    },
      el('td', { class: 'col-select' }, box),
      el('td', { class: 'col-nom' },
        el('button', {
          type: 'button', class: 'open-dossier', onclick: () => this.open(item.id),
          'aria-label': `Ouvrir le dossier ${item.id} : ${dossierName(item)}`,
        }, item.nom || item.id),
        // The first name comes here when the Prénom column is hidden (a dossier open beside).
        item.nom ? el('span', { class: 'dossier-number' },
          item.prenom ? el('span', { class: 'inline-prenom' }, `${item.prenom} · `) : null,
          item.id) : null),
      el('td', { class: 'col-prenom' }, item.prenom ?? ''),
      el('td', { class: 'col-ine' }, item.ine ?? ''),
      el('td', { class: 'col-formation', title: item.formation }, item.formation),
      el('td', { class: 'col-statut' },
        el('span', { class: `status-badge candidature-${item.status}` }, item.status_label)),
      el('td', { class: 'col-flags' }, flags.length ? el('span', { class: 'flags' },
        flags.map((flag) => el('span', { class: `flag flag-${flag}` },
          this.flagLabels[flag] ?? flag))) : null),
      el('td', { class: `col-pieces${toCheck ? ' to-check' : ''}` },
        `${toCheck} à vérifier / ${item.pieces ?? 0}`),
      el('td', { class: 'col-date' }, parisDateTime(item.updated_at)));
    this.rows.set(item.id, row);
    return row;
  }

  // A click anywhere on the row opens the dossier, but on its controls.
  rowClicked(event, item) {
    if (event.target.closest('input, button, a, label')) return;
    this.open(item.id);
  }

  open(id) {
    const index = this.items.findIndex((item) => item.id === id);
    if (index >= 0) this.cursor = index;
    this.markRows();
    this.events.onOpen(id);
  }

  setOpen(id) {
    this.openId = id;
    this.markRows();
  }

  markRows() {
    this.items.forEach((item, index) => {
      const row = this.rows.get(item.id);
      row.classList.toggle('cursor', index === this.cursor);
      if (item.id === this.openId) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    });
  }

  currentId() {
    return this.items[this.cursor]?.id ?? null;
  }

  // j / k: the cursor moves one row and the focus follows it (on the row's
  // button, so that Entrée opens it and a screen reader reads it).
  moveCursor(delta) {
    if (!this.items.length) return null;
    this.cursor = Math.min(Math.max(this.cursor + delta, 0), this.items.length - 1);
    this.markRows();
    this.focusCursor();
    return this.currentId();
  }

  focusCursor() {
    this.rows.get(this.currentId())?.querySelector('.open-dossier').focus();
  }

  // The dossier after `id` in the list, or null at the end of the page.
  nextAfter(id) {
    const index = this.items.findIndex((item) => item.id === id);
    return index >= 0 ? this.items[index + 1]?.id ?? null : null;
  }

  // x: the cursor's row in or out of the selection.
  toggleCurrent() {
    const item = this.items[this.cursor];
    if (item) this.setSelected(item, !this.selected.has(item.id));
  }

  setSelected(item, selected) {
    if (selected) this.selected.set(item.id, item);
    else this.selected.delete(item.id);
    const box = this.rows.get(item.id)?.querySelector('.select-box');
    if (box) box.checked = selected;
    this.rows.get(item.id)?.classList.toggle('selected', selected);
    this.updatePageBox();
    this.events.onSelection();
  }

  selectPage(selected) {
    for (const item of this.items) this.setSelected(item, selected);
  }

  clearSelection() {
    for (const item of [...this.selected.values()]) this.setSelected(item, false);
  }

  selectedItems() {
    return [...this.selected.values()];
  }

  updatePageBox() {
    const chosen = this.items.filter((item) => this.selected.has(item.id)).length;
    this.pageBox.checked = chosen > 0 && chosen === this.items.length;
    this.pageBox.indeterminate = chosen > 0 && chosen < this.items.length;
    for (const item of this.items)
      this.rows.get(item.id).classList.toggle('selected', this.selected.has(item.id));
  }
}
