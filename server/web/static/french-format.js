// Numbers, sizes and dates as candidates read them in the eCandidat guides
// and in the pre-check's messages (core/text/FrenchFormat.cpp): « 10,2 Mo »,
// « 850 ko », 1 Mo = 1 000 000 octets.

const NBSP = '\u00a0';

// French typography for sentences shown on the pages (ours and the
// server's): no line break inside « … » nor before : ; ? !
export function typography(text) {
  return String(text)
    .replace(/« /g, `«${NBSP}`).replace(/ »/g, `${NBSP}»`)
    .replace(/ ([:;?!])/g, `${NBSP}$1`);
}

// The number and its unit stay on one line: « 10,2 Mo ».
export function frenchSize(bytes) {
  if (bytes < 1000) return `${bytes}${NBSP}${bytes > 1 ? 'octets' : 'octet'}`;
  if (bytes < 1_000_000) return `${Math.floor((bytes + 500) / 1000)}${NBSP}ko`;
  // One decimal with a comma, rounded half up on tenths of a Mo.
  const tenths = Math.floor((bytes + 50_000) / 100_000);
  return `${Math.floor(tenths / 10)},${tenths % 10}${NBSP}Mo`;
}

// A limit reads better without a trailing « ,0 »: « 2 Mo maximum ».
export function frenchLimit(bytes) {
  return frenchSize(bytes).replace(/,0(\s)Mo$/, '$1Mo');
}

export function frenchPages(pages) {
  return `${pages} ${pages > 1 ? 'pages' : 'page'}`;
}

export function frenchCount(count, singular, plural) {
  return `${count} ${count > 1 ? plural : singular}`;
}

// « A », « B » et « C »
export function quotedList(items) {
  const quoted = items.map((item) => `« ${item} »`);
  if (quoted.length < 2) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} et ${quoted[quoted.length - 1]}`;
}

const FORMAT_NAMES = {
  pdf: 'PDF', jpeg: 'JPEG', png: 'PNG', heic: 'HEIC', avif: 'AVIF', webp: 'WebP', tiff: 'TIFF',
};
const formatName = (format) => FORMAT_NAMES[format] ?? format.toUpperCase();

// « A, B ou C »
function orList(items) {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

// The formats of a pièce in words: ["pdf", "jpeg", "png", "heic"] →
// « PDF ou image (JPEG, PNG ou HEIC) »; with `article`, « un PDF ou une
// image (…) », for « déposez … ».
export function formatWords(formats, { article = false } = {}) {
  const images = formats.filter((format) => format !== 'pdf').map(formatName);
  const pdf = formats.includes('pdf') ? `${article ? 'un ' : ''}PDF` : null;
  const image = images.length === 0 ? null
    : `${article ? 'une ' : ''}image ${images.length > 1 ? `(${orList(images)})` : images[0]}`;
  return [pdf, image].filter(Boolean).join(' ou ');
}

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
  'septembre', 'octobre', 'novembre', 'décembre'];

// A Date → « 3 décembre 2026 » (« 1er décembre »), in local time.
export function frenchDay(date) {
  const day = date.getDate();
  return `${day === 1 ? '1er' : day} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

// "2026-12-03T15:40:12Z" → « le 3 décembre 2026 à 16 h 40 » (local time),
// the way the guides write an hour.
export function frenchLongDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `le ${frenchDay(date)} à ${date.getHours()} h ${minutes}`;
}

// "2026-12-15" → a local Date at midnight (not UTC: the deadline is a day
// in France, not an instant in London).
export function parseDay(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

// "2025-03-14T09:26:53Z" → « 14/03/2025 à 10:26 » (local time)
export function frenchDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(dateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
}

// 1234 → « 1 234 » (the thin space of French figures).
const numbers = new Intl.NumberFormat('fr-FR');
export function frenchNumber(count) {
  return numbers.format(count);
}

// The gestionnaire's dates are those of the scolarité, in France whatever
// the computer's clock says: "2026-12-03T18:40:00Z" → « 03/12/2026 à 19:40 ».
const parisTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit',
});
export function parisDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso ?? '';
  const parts = Object.fromEntries(parisTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
}
