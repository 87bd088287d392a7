// The keys of the gestionnaire's page (listed in help-overlay.js). None
// applies while a field is being typed in, while a dialog is open (the PDF,
// the help: Échap closes them by itself), or with Ctrl, Alt or ⌘ held, so
// that the browser's and the screen reader's own keys still work.

const TEXT_INPUTS = ['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date'];

export function isTyping(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  if (target.matches('textarea, select')) return true;
  return target.matches('input') && TEXT_INPUTS.includes(target.type);
}

// Entrée already means something on these: it is left to them.
const ACTS_ON_ENTER = 'button, a[href], input, select, textarea, summary';

// actions: {next, previous, open, validate, refuse, openPdf, search, select,
// help, close}; `dossierArea`: where ↑ and ↓ keep scrolling the dossier and
// Entrée opens nothing more.
export function installKeyboardFlow(actions, dossierArea) {
  const keys = {
    j: actions.next, k: actions.previous, v: actions.validate, r: actions.refuse,
    o: actions.openPdf, '/': actions.search, x: actions.select, '?': actions.help,
  };
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (document.querySelector('dialog[open]') || isTyping(event.target)) return;
    let action = keys[event.key];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (dossierArea.contains(event.target)) return;
      action = event.key === 'ArrowDown' ? actions.next : actions.previous;
    } else if (event.key === 'Enter') {
      if (event.target instanceof Element && event.target.closest(ACTS_ON_ENTER)) return;
      if (dossierArea.contains(event.target)) return;  // the dossier is open already
      action = actions.open;
    } else if (event.key === 'Escape') {
      action = actions.close;
    }
    if (!action) return;
    event.preventDefault();
    action();
  });
}
