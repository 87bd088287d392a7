// The files chosen for one pièce before they are sent: listed with their
// size, reordered with « Monter » / « Descendre » (the merge follows this
// order), removed with « Retirer ». Keyboard first: the focus stays on the
// moved file's button.
import { el, fill, setText } from './dom.js';
import { frenchSize } from './french-format.js';

export class FileList {
  constructor({ onChange }) {
    this.files = [];
    this.onChange = onChange;
    this.list = el('ol', { class: 'chosen-files' });
    this.summary = el('p', { class: 'chosen-summary' });
    this.element = el('div', { class: 'chosen', hidden: true }, this.summary, this.list);
  }

  add(files) {
    // The same file chosen twice (same name, size, date) is kept once.
    const seen = new Set(this.files.map(fileKey));
    for (const file of files) if (!seen.has(fileKey(file))) this.files.push(file);
    this.render();
  }

  // Takes these File objects out of the list (refused by the server).
  removeFiles(files) {
    this.files = this.files.filter((file) => !files.includes(file));
    this.render();
  }

  clear() {
    this.files = [];
    this.render();
  }

  setDisabled(disabled) {
    this.disabled = disabled;
    for (const button of this.list.querySelectorAll('button')) button.disabled = disabled;
  }

  totalBytes() {
    return this.files.reduce((sum, file) => sum + file.size, 0);
  }

  move(index, delta, focusClass) {
    const target = index + delta;
    if (target < 0 || target >= this.files.length) return;
    [this.files[index], this.files[target]] = [this.files[target], this.files[index]];
    this.render();
    // Keep the keyboard where it was: on the same button of the moved file,
    // or on its other arrow when this one is now at an end.
    const row = this.list.children[target];
    const button = row?.querySelector(`.${focusClass}:not([disabled])`) ??
      row?.querySelector('button:not([disabled])');
    button?.focus();
  }

  remove(index) {
    this.files.splice(index, 1);
    this.render();
    const row = this.list.children[Math.min(index, this.files.length - 1)];
    row?.querySelector('.remove')?.focus();
  }

  render() {
    this.element.hidden = this.files.length === 0;
    const count = this.files.length;
    setText(this.summary, count > 1
      ? `${count} fichiers, ${frenchSize(this.totalBytes())} au total : ils seront fusionnés ` +
        'en un seul PDF, dans cet ordre.'
      : `1 fichier, ${frenchSize(this.totalBytes())}.`);
    fill(this.list, this.files.map((file, index) => this.row(file, index)));
    this.onChange(this.files);
  }

  row(file, index) {
    const name = `« ${file.name} »`;
    const last = index === this.files.length - 1;
    return el('li', { class: 'chosen-file' },
      el('span', { class: 'chosen-name' }, file.name),
      el('span', { class: 'chosen-size' }, frenchSize(file.size)),
      el('span', { class: 'chosen-actions' },
        el('button', {
          type: 'button', class: 'small up', disabled: index === 0 || this.disabled,
          'aria-label': `Monter ${name}`, onclick: () => this.move(index, -1, 'up'),
        }, 'Monter'),
        el('button', {
          type: 'button', class: 'small down', disabled: last || this.disabled,
          'aria-label': `Descendre ${name}`, onclick: () => this.move(index, 1, 'down'),
        }, 'Descendre'),
        el('button', {
          type: 'button', class: 'small remove', disabled: this.disabled,
          'aria-label': `Retirer ${name}`, onclick: () => this.remove(index),
        }, 'Retirer')));
  }
}

function fileKey(file) {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

