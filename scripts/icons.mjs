/** `npm run icons`: rasterises resources/icon.svg into every icon the installers need (PNG set, .ico, .icns). */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_SVG = path.join(root, 'resources', 'icon.svg');

/** The Linux hicolor set (electron-builder reads `icons/NxN.png`), plus 1024 for the macOS 512@2x slot. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows picks from these for the taskbar, Explorer views and the installer; 256 is stored as PNG, the rest as BMP. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** iconutil's order and types (ic11…ic14 are the @2x slots); ic04/ic05 are the small ARGB ones Finder lists use. */
export const ICNS_TYPES = [
  ['ic12', 64], ['ic07', 128], ['ic13', 256], ['ic08', 256], ['ic04', 16],
  ['ic14', 512], ['ic09', 512], ['ic05', 32], ['ic10', 1024], ['ic11', 32],
];

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/** Renders the SVG once at 1024 px, then scales down (Lanczos), so every size comes from the same pixels. */
async function rasterise(svg) {
  const master = await sharp(svg, { density: 72 }).resize(1024, 1024).png().toBuffer();
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    // No metadata, fixed compression: the same SVG gives the same bytes, so a regenerate shows no diff.
    const out = await sharp(master).resize(size, size, { kernel: 'lanczos3' }).png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer();
    pngs.set(size, out);
  }
  return pngs;
}

/**
 * Writes `icons/NxN.png`, `icon.ico`, `icon.icns` and `icons/manifest.json` (the SVG's hash, so a test
 * can tell the checked-in files were made from the current drawing) under outDir.
 */
export async function generateIcons(outDir, svgPath = SOURCE_SVG) {
  const svg = await fs.readFile(svgPath);
  const pngs = await rasterise(svg);
  await fs.mkdir(path.join(outDir, 'icons'), { recursive: true });
  const files = {};
  const write = async (rel, buf) => {
    await fs.writeFile(path.join(outDir, rel), buf);
    files[rel] = sha256(buf);
  };
  for (const [size, buf] of pngs) await write(`icons/${size}x${size}.png`, buf);

  const ico = new IconIco();
  for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(pngs.get(size), null, false);
  await write('icon.ico', Buffer.from(ico.encode()));

  const icns = new IconIcns();
  icns.toc = true;
  for (const [type, size] of ICNS_TYPES) await icns.addFromPng(pngs.get(size), [type], false);
  await write('icon.icns', Buffer.from(icns.encode()));

  const manifest = { source: path.basename(svgPath), sourceSha256: sha256(svg), generator: 'scripts/icons.mjs', files };
  await fs.writeFile(path.join(outDir, 'icons', 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--out');
  const outDir = i > 0 ? path.resolve(process.argv[i + 1] ?? '') : path.join(root, 'resources');
  const manifest = await generateIcons(outDir);
  console.log(`Wrote ${Object.keys(manifest.files).length} icon files to ${outDir} from ${manifest.source}.`);
}
