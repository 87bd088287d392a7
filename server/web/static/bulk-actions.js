// What the gestionnaire does to several dossiers at once, from the bar shown
// while some are selected: « Marquer complet » / « Marquer incomplet » (one
// request per dossier, as for a single one: each result said, the server's
// French sentence for each refusal), « Télécharger (ZIP) » and « Exporter
// (CSV) » of the selection. Dossiers that could not be changed stay
// selected, to be looked at.
import { el, fill, setText } from './dom.js';
import { candidaturePath } from './api.js';
import { download, datedName } from './download.js';
import { frenchCount } from './french-format.js';
import { dossierName } from './worklist-table.js';

// The API takes at most this many ids in one ZIP or CSV.
export const MAX_IDS = 200;

const STATUS_WORDS = {
  CO: { doing: 'Passage au statut Complet', one: 'marqué complet', several: 'marqués complets' },
  IN: {
    doing: 'Passage au statut Incomplet', one: 'marqué incomplet', several: 'marqués incomplets',
  },
};

export class BulkActions {
  // page: {api, announce, table (WorklistTable), onChanged(), sort()}
  constructor(container, page) {
    this.page = page;
    this.count = el('p', { class: 'bulk-count' });
    this.buttons = [
      this.button('Marquer complet', 'primary', () => this.setStatus('CO')),
      this.button('Marquer incomplet', 'danger', () => this.setStatus('IN')),
      this.button('Télécharger (ZIP)', '', () => this.downloadZip()),
      this.button('Exporter (CSV)', '', () => this.exportCsv()),
      this.button('Désélectionner', 'quiet', () => this.page.table.clearSelection()),
    ];
    this.result = el('div', { class: 'bulk-result', hidden: true });
    this.bar = el('div', { class: 'bulk-bar', role: 'region', 'aria-label': 'Sélection' },
      this.count, el('div', { class: 'bulk-buttons' }, this.buttons));
    fill(container, this.bar, this.result);
    this.update();
  }

  button(label, tone, action) {
    return el('button', { type: 'button', class: `button compact ${tone}`, onclick: action },
      label);
  }

  // Called whenever the selection changes.
  update() {
    const chosen = this.page.table.selectedItems().length;
    this.bar.hidden = chosen === 0;
    setText(this.count, `${frenchCount(chosen, 'dossier sélectionné', 'dossiers sélectionnés')}`);
  }

  busy(on) {
    for (const button of this.buttons) button.disabled = on;
    if (on) this.bar.setAttribute('aria-busy', 'true');
    else this.bar.removeAttribute('aria-busy');
  }

  // Each dossier in turn; the answer of each is kept for the summary.
  async setStatus(status) {
    const items = this.page.table.selectedItems();
    this.busy(true);
    const words = STATUS_WORDS[status];
    const count = frenchCount(items.length, 'dossier', 'dossiers');
    this.show([el('p', {}, `${words.doing} de ${count}…`)]);
    const failures = [];
    let done = 0;
    for (const item of items) {
      try {
        await this.page.api.json('POST', candidaturePath(item.id, '/status'), { status });
        done += 1;
        this.page.table.setSelected(item, false);
      } catch (error) {
        if (error.status === 401) break;
        failures.push({ item, message: error.message });
      }
    }
    this.busy(false);
    const summary = done
      ? `${frenchCount(done, 'dossier', 'dossiers')} ${done > 1 ? words.several : words.one}.`
      : 'Aucun dossier modifié.';
    const refused = failures.length
      ? `${frenchCount(failures.length, 'dossier n’a pas pu être modifié',
        'dossiers n’ont pas pu être modifiés')} :` : '';
    this.show([
      el('p', { class: 'bulk-summary' }, summary, refused ? ` ${refused}` : ''),
      failures.length ? el('ul', { class: 'bulk-failures' }, failures.map(({ item, message }) =>
        el('li', { 'data-id': item.id },
          el('strong', {}, `${dossierName(item)} (${item.id})`), ` : ${message}`))) : null,
    ], failures.length > 0);
    this.page.announce(`${summary}${refused ? ` ${refused.replace(/ :$/, '.')}` : ''}`);
    this.page.onChanged();
  }

  // The ids of the selection, or null (said) when there are too many.
  idsOrNull() {
    const ids = this.page.table.selectedItems().map((item) => item.id);
    if (ids.length <= MAX_IDS) return ids;
    this.show([el('p', {}, `Sélectionnez au plus ${MAX_IDS} dossiers à la fois ` +
      `(${ids.length} sont sélectionnés).`)], true);
    return null;
  }

  async downloadZip() {
    const ids = this.idsOrNull();
    if (!ids) return;
    const count = frenchCount(ids.length, 'dossier', 'dossiers');
    await this.run(`Préparation du fichier ZIP de ${count}…`,
      { method: 'POST', path: '/api/v1/dossiers.zip', json: { ids },
        fileName: datedName('dossiers', 'zip') },
      `Fichier ZIP de ${count} téléchargé.`);
  }

  async exportCsv() {
    const ids = this.idsOrNull();
    if (!ids) return;
    const params = new URLSearchParams();
    for (const id of ids) params.append('id', id);
    params.set('sort', this.page.sort());
    await this.run('Préparation de l’export…',
      { path: `/api/v1/candidatures.csv?${params}`, fileName: datedName('candidatures', 'csv') },
      `Export CSV de ${frenchCount(ids.length, 'dossier', 'dossiers')} téléchargé.`);
  }

  async run(waiting, request, done) {
    this.busy(true);
    this.show([el('p', {}, waiting)]);
    try {
      await download(this.page.api, request);
      this.show([el('p', {}, done)]);
      this.page.announce(done);
    } catch (error) {
      if (error.status !== 401) this.show([el('p', {}, error.message)], true);
    } finally {
      this.busy(false);
    }
  }

  show(nodes, problem = false) {
    fill(this.result, nodes);
    this.result.classList.toggle('problem', problem);
    this.result.hidden = false;
  }
}
