// What a file is, from its first bytes: the same magic numbers as the
// server's door (core/sniff/Sniff.cpp), so that the page refuses before
// sending exactly what the server would refuse after. Never the name nor
// the browser's type: a « photo.jpg » may be a Word document.

// Office and OpenDocument files are ZIPs whose first entries name them, so
// the page reads this much of a file (the server looks as far).
export const SNIFF_BYTES = 8192;

// The server's words for each kind (core/messages/CandidateMessages.cpp).
const KIND_LABELS = {
  pdf: 'document PDF',
  jpeg: 'image JPEG',
  png: 'image PNG',
  empty: 'fichier vide',
  docx: 'document Word (.docx)',
  doc: 'document Word ou Excel ancien format (.doc, .xls)',
  xlsx: 'classeur Excel (.xlsx)',
  pptx: 'présentation PowerPoint (.pptx)',
  odf: 'document LibreOffice (.odt, .ods)',
  zip: 'archive ZIP',
  rar: 'archive RAR',
  '7z': 'archive 7-Zip',
  gif: 'image GIF',
  heic: "image HEIC (photo d'iPhone)",
  avif: 'image AVIF',
  webp: 'image WebP',
  tiff: 'image TIFF',
  video: 'vidéo',
  bmp: 'image BMP',
  postscript: 'fichier PostScript',
  rtf: 'document RTF',
  text: 'fichier texte',
  html: 'page web (HTML)',
  unknown: 'fichier de type inconnu',
};

export function kindLabel(kind) {
  return KIND_LABELS[kind] ?? KIND_LABELS.unknown;
}

function startsWith(bytes, magic, at = 0) {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i += 1) {
    const expected = typeof magic === 'string' ? magic.charCodeAt(i) : magic[i];
    if (bytes[at + i] !== expected) return false;
  }
  return true;
}

// Latin-1 view of the bytes, to look for ASCII markers anywhere in them.
function latin1(bytes, length) {
  let text = '';
  const end = Math.min(bytes.length, length);
  for (let i = 0; i < end; i += 1) text += String.fromCharCode(bytes[i]);
  return text;
}

function zipFlavour(bytes) {
  const head = latin1(bytes, 8192);
  if (head.includes('word/')) return 'docx';
  if (head.includes('xl/')) return 'xlsx';
  if (head.includes('ppt/')) return 'pptx';
  if (head.includes('application/vnd.oasis.opendocument')) return 'odf';
  return 'zip';
}

const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'mif2',
  'msf1'];

// ISO media files (HEIC, AVIF, but also MP4 and MOV videos) name their major
// brand, then their compatible brands, in the first box: a still image names
// an image brand, a phone video does not.
function isoMediaFlavour(bytes) {
  const major = latin1(bytes.subarray(8, 12), 4);
  if (major === 'avif' || major === 'avis') return 'avif';
  if (HEIF_BRANDS.includes(major) && !major.startsWith('mi') && major !== 'msf1') return 'heic';
  const box = ((bytes[0] << 24) >>> 0) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3];
  const listed = box > 16 ? Math.min(box, 256) - 16 : 0;
  const compatible = [];
  for (let at = 16; at + 4 <= Math.min(bytes.length, 16 + listed); at += 4)
    compatible.push(latin1(bytes.subarray(at, at + 4), 4));
  if (compatible.some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
  // The generic HEIF brands (mif1, msf1) with no AV1 brand: HEVC inside.
  if (HEIF_BRANDS.includes(major) || compatible.some((brand) => HEIF_BRANDS.includes(brand)))
    return 'heic';
  return 'video';
}

function looksLikeText(bytes) {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i += 1) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  }
  return true;
}

// bytes: a Uint8Array of the file's first SNIFF_BYTES bytes. Returns the
// server's format code: "pdf", "jpeg", "docx", "zip", "unknown"…
export function sniffKind(bytes) {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return zipFlavour(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && startsWith(bytes, 'ftyp', 4)) return isoMediaFlavour(bytes);
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (startsWith(bytes, 'BM')) return 'bmp';
  if (startsWith(bytes, '%!PS')) return 'postscript';
  if (startsWith(bytes, '{\\rtf')) return 'rtf';
  // A PDF may have a little junk before its header (readers allow 1 KiB).
  if (latin1(bytes, 1024).includes('%PDF-')) return 'pdf';
  if (looksLikeText(bytes)) {
    const head = latin1(bytes, 512).toLowerCase();
    return head.includes('<html') || head.includes('<!doctype html') ? 'html' : 'text';
  }
  return 'unknown';
}

// The first bytes of a File, sniffed.
export async function sniffFile(file) {
  const buffer = await file.slice(0, SNIFF_BYTES).arrayBuffer();
  return sniffKind(new Uint8Array(buffer));
}
