/** Builders of small in-memory files for the reader tests. */
import JSZip from 'jszip';

/** Windows-1251 for Russian letters and ASCII, enough to build a legacy Excel CSV. */
export function encodeWindows1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (char) => {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (char === 'Ё') return 0xa8;
    if (char === 'ё') return 0xb8;
    if (char === '№') return 0xb9;
    throw new RangeError(`No windows-1251 byte for ${char}`);
  });
}

const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export async function buildDocx(bodyXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NAMESPACE}"><w:body>${bodyXml}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A `w:tc` with one paragraph per text and optional cell properties. */
export function docxCell(texts: string[], properties = ''): string {
  const paragraphs = texts.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join('');
  return `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${paragraphs}</w:tc>`;
}

/**
 * A ZIP that is only a central directory: each entry declares `uncompressedSize` bytes packed into
 * `compressedSize`, and no data exists at all. Enough to prove limits are checked without inflating.
 */
export function buildZipDirectoryOnly(
  entries: { name: string; compressedSize: number; uncompressedSize: number }[],
  options: { zip64?: boolean } = {},
): Uint8Array {
  const encoder = new TextEncoder();
  const local = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0)]);
  const records = entries.map((entry) => {
    const name = encoder.encode(entry.name);
    const record = new Uint8Array(46 + name.length);
    const view = new DataView(record.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(10, 8, true);
    view.setUint32(20, entry.compressedSize, true);
    view.setUint32(24, entry.uncompressedSize, true);
    view.setUint16(28, name.length, true);
    record.set(name, 46);
    return record;
  });
  const directorySize = records.reduce((sum, record) => sum + record.length, 0);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, entries.length, true);
  endView.setUint16(10, options.zip64 ? 0xffff : entries.length, true);
  endView.setUint32(12, directorySize, true);
  endView.setUint32(16, local.length, true);
  const zip = new Uint8Array(local.length + directorySize + end.length);
  zip.set(local, 0);
  let offset = local.length;
  for (const record of records) {
    zip.set(record, offset);
    offset += record.length;
  }
  zip.set(end, offset);
  return zip;
}

/** Rewrites the declared uncompressed size of the named entry in the central directory. */
export function patchDeclaredSize(zip: Uint8Array, entryName: string, uncompressedSize: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const name = new TextEncoder().encode(entryName);
  for (let offset = 0; offset + 46 < copy.length; offset += 1) {
    if (view.getUint32(offset, true) !== 0x02014b50 || view.getUint16(offset + 28, true) !== name.length) continue;
    const candidate = copy.subarray(offset + 46, offset + 46 + name.length);
    if (candidate.every((byte, index) => byte === name[index])) {
      view.setUint32(offset + 24, uncompressedSize, true);
      return copy;
    }
  }
  throw new Error(`No entry ${entryName}`);
}
