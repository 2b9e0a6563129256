/** File names from dossier titles: readable (Unicode kept), safe on Windows, macOS and Linux. */

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function exportFileName(title: string, extension: string): string {
  let base = title
    .normalize('NFC')
    .replace(/[<>:"/\\|?*]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (base.length > 120) base = [...base].slice(0, 120).join('').trim();
  if (!base || RESERVED.test(base)) base = `dossier${base ? `-${base}` : ''}`;
  return `${base}.${extension}`;
}
