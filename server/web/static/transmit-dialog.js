// « Transmettre mon dossier » asks first: a modal <dialog> lists what will
// be sent (each pièce, its pages, those declared « non concerné »), with
// « Transmettre » and « Annuler ». Escape and « Annuler » send nothing.
import { el, fill, setText } from './dom.js';
import { frenchPages } from './french-format.js';
import { ineReserve } from './statuses.js';

function pieceState(piece) {
  if (piece.status === 'NC') return 'non concerné';
  if (piece.processing === 'pending') return 'en cours de vérification';
  if (piece.processing === 'unprocessable') return 'sera examinée par la scolarité';
  const pages = piece.report?.pages;
  const facts = pages ? frenchPages(pages) : 'déposée';
  return ineReserve(piece) ? `${facts}, acceptée avec réserve` : facts;
}

export class TransmitDialog {
  // nodes: {dialog, pieces, reserve, confirm, cancel}
  constructor(nodes) {
    this.nodes = nodes;
    nodes.confirm.addEventListener('click', () => nodes.dialog.close('transmettre'));
    nodes.cancel.addEventListener('click', () => nodes.dialog.close('annuler'));
  }

  // Resolves true when the candidate confirmed.
  ask(candidature, reserveSentence) {
    const { dialog, pieces, reserve } = this.nodes;
    fill(pieces, candidature.pieces.map((piece) =>
      el('li', { class: 'confirm-piece', 'data-code': piece.code },
        el('span', { class: 'confirm-label' }, piece.label),
        el('span', { class: 'confirm-state' }, pieceState(piece)))));
    setText(reserve, reserveSentence);
    reserve.hidden = !reserveSentence;
    dialog.returnValue = '';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'transmettre'),
        { once: true });
      dialog.showModal();
    });
  }
}
