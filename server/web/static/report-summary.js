// The pre-check report of a pièce (processors/pipeline/ReportJson.cpp) in
// plain French: for the candidate, what happened and what to do; for the
// gestionnaire, the facts to decide on.
import { frenchPages, frenchSize } from './french-format.js';

// Under 10 % saved is noise: say the size, not « compressée ».
export function sizeSentence(report) {
  if (report.output_bytes * 10 < report.input_bytes * 9)
    return `compressée de ${frenchSize(report.input_bytes)} à ${frenchSize(report.output_bytes)}`;
  return frenchSize(report.output_bytes);
}

// The facts of an accepted report: « 3 fichiers fusionnés, 3 pages, compressée de … à … ».
export function acceptedFacts(report) {
  const facts = [];
  const files = report.inputs?.length ?? 0;
  if (files > 1) facts.push(`${files} fichiers fusionnés`);
  facts.push(frenchPages(report.pages));
  facts.push(sizeSentence(report));
  return facts.join(', ');
}

// The INE verdict for the candidate; `tone` drives the look (ok, warning).
// null when there is nothing to say (non_verifie without a value).
export function candidateIne(ine, declared) {
  if (!ine) return null;
  switch (ine.verdict) {
    case 'conforme':
      return { tone: 'ok', text: `INE vérifié : ${ine.value}` };
    case 'different':
      return {
        tone: 'warning',
        text: `Attention : l'INE lu sur le document (${ine.value}) ne correspond pas à celui ` +
          `de votre profil${declared ? ` (${declared})` : ''}. Vérifiez votre profil ` +
          'eCandidat ou le document déposé.',
      };
    case 'illisible':
      return {
        tone: 'warning',
        text: "Attention : l'INE n'a pas pu être lu sur ce document. Déposez une copie plus " +
          'nette (scan en 300 dpi, photo sans flou ni reflet).',
      };
    case 'absent':
      return {
        tone: 'warning',
        text: "Attention : aucun INE n'a été trouvé sur ce document. Vérifiez qu'il s'agit " +
          'du bon document (le relevé de notes du bac porte le « N° INE »).',
      };
    default:
      return ine.value ? { tone: 'info', text: `INE lu : ${ine.value}` } : null;
  }
}

// The INE verdict for the gestionnaire, short, with how it was read.
export function gestionIne(ine, declared) {
  if (!ine) return null;
  const how = [];
  if (ine.source) how.push(ine.source === 'ocr' ? 'lu par OCR' : 'lu dans le texte du PDF');
  if (ine.page) how.push(`page ${ine.page}`);
  if (typeof ine.confidence === 'number') how.push(`confiance ${Math.round(ine.confidence * 100)} %`);
  const detail = how.length ? ` (${how.join(', ')})` : '';
  switch (ine.verdict) {
    case 'conforme': return { tone: 'ok', text: `Conforme : ${ine.value}${detail}` };
    case 'different':
      return { tone: 'warning', text: `Différent : lu ${ine.value}, déclaré ${declared ?? '—'}${detail}` };
    case 'illisible': return { tone: 'warning', text: `Illisible${detail}` };
    case 'absent': return { tone: 'warning', text: 'Absent du document' };
    default: return { tone: 'info', text: ine.value ? `Non vérifié (lu ${ine.value})` : 'Non vérifié' };
  }
}

// The pipeline refused this version (its message says what to do).
export function refusedByPrecheck(piece) {
  return piece.processing === 'done' && piece.report?.status === 'refused';
}

// The gestionnaire's comment, when it is not the pre-check's own refusal
// (the worker copies its message into the comment).
export function gestionnaireComment(piece) {
  if (piece.status !== 'RE' || !piece.comment) return null;
  if (refusedByPrecheck(piece) && piece.comment === piece.report.message) return null;
  return piece.comment;
}

// What a PDF could run, launch, send or fetch (the report's machine codes,
// processors/pdf/ActiveContent.h), in words.
const ACTIVE_CONTENT = {
  javascript: 'du JavaScript',
  launch: 'le lancement d’un programme',
  embedded_file: 'des fichiers joints',
  xfa: 'un formulaire XFA',
  rich_media: 'des médias (vidéo, son, 3D)',
  submit_form: 'l’envoi d’un formulaire',
  import_data: 'un import de données',
  reset_form: 'la remise à zéro d’un formulaire',
  hide: 'le masquage d’éléments',
  remote_goto: 'des renvois vers d’autres fichiers',
  link: 'des liens web',
  action: 'd’autres actions',
};

function frenchList(items) {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

// The gravest first: the object's order, unknown codes last.
const ORDER = Object.keys(ACTIVE_CONTENT);
const rank = (code) => (ORDER.includes(code) ? ORDER.indexOf(code) : ORDER.length);
const activeWords = (codes) => frenchList([...codes].sort((a, b) => rank(a) - rank(b))
  .map((code) => ACTIVE_CONTENT[code] ?? code));

// What a signed PDF kept as it is still carries; null when nothing.
export function keptActiveContentSentence(report) {
  if (!report?.active_content_kept?.length) return null;
  return `PDF signé : contient ${activeWords(report.active_content_kept)}, conservé tel quel ` +
    'pour garder la signature.';
}

// For the gestionnaire: what the pre-check removed, or what a signed PDF
// kept as it is still carries. null when there was nothing.
export function activeContentSentence(report) {
  const kept = keptActiveContentSentence(report);
  if (kept) return kept;
  const removed = report?.active_content_removed ?? [];
  if (!removed.length) return null;
  const links = removed.includes('link')
    ? ' Les liens restent lisibles mais ne sont plus cliquables.' : '';
  return `Contenait ${activeWords(removed)} : retiré.${links}`;
}
