// The checks the server's door makes on each file, made by the page before
// a byte is sent: its size against the per-file cap, its format (sniffed
// from its first bytes) against the pièce's formats. A file refused here
// never joins the list of files to send; the sentence says what it is and
// what to do, in the words of the server's own refusals.
import { formatWords, frenchLimit, frenchSize } from './french-format.js';
import { kindLabel, sniffFile } from './sniff.js';

// What the server accepts when the API does not say (UploadLimits).
export const DEFAULT_MAX_FILE_BYTES = 25_000_000;
export const DEFAULT_MAX_FILES = 20;

const FEMININE = ['image', 'archive', 'présentation', 'page', 'vidéo'];

// « un document Word (.docx) », « une image GIF »
function withArticle(label) {
  return `${FEMININE.includes(label.split(' ')[0]) ? 'une' : 'un'} ${label}`;
}

const OFFICE = ['docx', 'doc', 'xlsx', 'pptx', 'odf', 'rtf', 'text', 'html'];
const ARCHIVES = ['zip', 'rar', '7z'];

function whatToDo(kind) {
  if (OFFICE.includes(kind))
    return 'Ouvrez-le et choisissez « Enregistrer sous » ou « Exporter » au format PDF, puis ' +
      'déposez le PDF.';
  if (ARCHIVES.includes(kind))
    return "Décompressez l'archive et déposez les fichiers eux-mêmes : vous pouvez en déposer " +
      'plusieurs pour la même pièce, ils seront fusionnés.';
  if (kind === 'heic' || kind === 'avif')
    return 'Sur iPhone, choisissez Réglages > Appareil photo > Formats > « Le plus compatible », ' +
      'ou partagez la photo en JPEG.';
  if (kind === 'video') return 'Déposez une photo ou un scan du document, pas une vidéo.';
  return "Enregistrez-le dans l'un de ces formats puis déposez-le à nouveau.";
}

export function wrongFormatSentence(name, kind, formats) {
  return `Le fichier « ${name} » est ${withArticle(kindLabel(kind))} : déposez ` +
    `${formatWords(formats, { article: true })}. ${whatToDo(kind)}`;
}

export function tooLargeSentence(name, size, cap) {
  return `Le fichier « ${name} » pèse ${frenchSize(size)}, plus que les ` +
    `${frenchLimit(cap)} acceptés par fichier. Scannez le document en 200 ou 300 dpi plutôt ` +
    "qu'en 600 dpi (ou prenez-le en photo avec votre téléphone), puis déposez-le à nouveau.";
}

export function emptySentence(name) {
  return `Le fichier « ${name} » est vide (0 octet) : il a sans doute mal été enregistré. ` +
    'Ouvrez-le pour vérifier son contenu, puis déposez-le à nouveau.';
}

export function tooManySentence(name, max) {
  return `« ${name} » n'a pas été ajouté : une pièce accepte au plus ${max} fichiers. ` +
    'Regroupez les pages dans un même PDF, ou déposez seulement les documents demandés.';
}

// null when the server would take the file; otherwise the sentence why not.
// Reading the first bytes may fail (a file removed since it was chosen): the
// server then decides.
export async function refusalOf(file, { formats, maxFileBytes }) {
  if (file.size > maxFileBytes) return tooLargeSentence(file.name, file.size, maxFileBytes);
  if (file.size === 0) return emptySentence(file.name);
  let kind;
  try {
    kind = await sniffFile(file);
  } catch {
    return null;
  }
  if (!formats.includes(kind)) return wrongFormatSentence(file.name, kind, formats);
  return null;
}
