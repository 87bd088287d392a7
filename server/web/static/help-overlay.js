// « Raccourcis clavier »: a modal <dialog> listing the keys of the page
// (keyboard-flow.js). Échap or « Fermer » closes it; the focus goes back
// where it was.
import { el } from './dom.js';

export const SHORTCUTS = [
  [['j', '↓'], 'Dossier suivant de la liste'],
  [['k', '↑'], 'Dossier précédent de la liste'],
  [['Entrée'], 'Ouvrir le dossier'],
  [['v'], 'Valider les pièces conformes du dossier ouvert'],
  [['r'], 'Refuser la pièce en cours (motif prérempli ; Entrée envoie, Échap annule)'],
  [['o'], 'Ouvrir le PDF de la pièce en cours'],
  [['x'], 'Sélectionner le dossier de la ligne en cours'],
  [['/'], 'Aller à la recherche'],
  [['Échap'], 'Fermer le dossier ou cette aide'],
  [['?'], 'Afficher cette aide'],
];

export class HelpOverlay {
  constructor() {
    const close = el('button', { type: 'button', class: 'button' }, 'Fermer');
    this.dialog = el('dialog', { class: 'help-overlay', 'aria-labelledby': 'aide-titre' },
      el('h2', { id: 'aide-titre' }, 'Raccourcis clavier'),
      el('p', { class: 'help-note' },
        'Les raccourcis ne s’appliquent pas pendant la saisie dans un champ.'),
      el('dl', { class: 'shortcuts' }, SHORTCUTS.flatMap(([keys, what]) => [
        el('dt', {}, keys.flatMap((key, i) => [i ? ' ou ' : null, el('kbd', {}, key)])),
        el('dd', {}, what)])),
      el('div', { class: 'button-row' }, close));
    close.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => this.returnFocus?.focus());
    document.body.append(this.dialog);
  }

  show() {
    if (this.dialog.open) return;
    this.returnFocus = document.activeElement;
    this.dialog.showModal();
  }
}
