// eCandidat's status codes in words, with what each means for the candidate
// (the wording of the guides: « Les étapes de mon dossier de candidature »).

export const CANDIDATURE_STATUS = {
  AT: {
    label: 'En attente',
    sentence: "Votre dossier n'a pas encore été transmis. Déposez chaque pièce demandée, " +
      'puis cliquez sur « Transmettre mon dossier ».',
  },
  RE: {
    label: 'Réceptionné',
    sentence: 'Votre dossier a bien été reçu. Il sera vérifié par la scolarité de la ' +
      'formation : vous serez prévenu par courriel.',
  },
  IN: {
    label: 'Incomplet',
    sentence: 'Votre dossier a été vérifié et il est incomplet : une pièce manque, est ' +
      'illisible ou ne convient pas. Remplacez-la, puis transmettez à nouveau votre dossier.',
  },
  CO: {
    label: 'Complet',
    sentence: 'Votre dossier a été vérifié et il est complet. Vous n’avez plus rien à faire ' +
      'pour vos pièces justificatives.',
  },
};

export const PIECE_STATUS = {
  AT: 'En attente',
  TR: 'Transmise',
  VA: 'Validée',
  RE: 'Refusée',
  NC: 'Non concerné',
};

export function candidatureLabel(candidature) {
  return CANDIDATURE_STATUS[candidature.status]?.label ?? candidature.status_label;
}

// eCandidat calls a pièce « transmise » (TR) as soon as it is uploaded; on
// the candidate's page (given `candidature`) it is only « Déposée » until
// the dossier itself is transmitted (RE, CO).
export function pieceLabel(piece, candidature = null) {
  const open = candidature?.status === 'AT' || candidature?.status === 'IN';
  if (piece.status === 'TR' && open) return 'Déposée';
  return PIECE_STATUS[piece.status] ?? piece.status_label;
}

// The pre-check accepted the pièce but its INE could not be confirmed: the
// verdict ("illisible", "absent", "different") when so, otherwise null. A
// pièce validated by the scolarité carries no reserve any more.
export function ineReserve(piece) {
  const verdict = piece.report?.ine?.verdict;
  if (piece.status !== 'TR' || piece.processing !== 'done') return null;
  if (piece.report?.status !== 'accepted') return null;
  return ['illisible', 'absent', 'different'].includes(verdict) ? verdict : null;
}

// Where the candidate stands: pièces deposited (TR, VA), declared « non
// concerné », refused, still to deposit.
export function pieceCounts(candidature) {
  const count = (...statuses) =>
    candidature.pieces.filter((piece) => statuses.includes(piece.status)).length;
  return {
    total: candidature.pieces.length,
    deposited: count('TR', 'VA'),
    nonConcerne: count('NC'),
    refused: count('RE'),
    missing: count('AT'),
  };
}

// eCandidat's rule: a dossier is transmitted from AT or IN, once no pièce is
// AT (missing) or RE (refused).
export function transmitBlockers(candidature) {
  return {
    open: candidature.status === 'AT' || candidature.status === 'IN',
    missing: candidature.pieces.filter((p) => p.status === 'AT'),
    refused: candidature.pieces.filter((p) => p.status === 'RE'),
  };
}

export function canTransmit(candidature) {
  const { open, missing, refused } = transmitBlockers(candidature);
  return open && missing.length === 0 && refused.length === 0;
}

// A candidate may change a pièce unless it is validated or the dossier is
// under examination (RE) or complete (CO).
export function pieceEditable(candidature, piece) {
  return (candidature.status === 'AT' || candidature.status === 'IN') && piece.status !== 'VA';
}
