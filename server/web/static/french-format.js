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

// ["pdf", "jpeg", "png"] → « PDF, JPEG ou PNG »
export function formatList(formats) {
  const names = formats.map((format) => format.toUpperCase());
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ou ${names[names.length - 1]}`;
}

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

// "2025-03-14T09:26:53Z" → « 14/03/2025 à 10:26 » (local time)
export function frenchDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(dateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
}
