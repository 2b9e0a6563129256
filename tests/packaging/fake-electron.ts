/** A stand-in for the Electron binary, laid out as @electron/fuses reads it (src/constants.ts and index.ts). */
import fs from 'node:fs';

/** @electron/fuses' sentinel: the wire follows it as [version, length, one byte per fuse]. */
export const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's shipped wire: RunAsNode, CookieEncryption, NodeOptions, CliInspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol, WasmTrap. */
export const ELECTRON_DEFAULTS = '101100011';

/** Junk, the sentinel and wire, more junk (the real binary is ~180 MB of the same). */
export function fakeElectronBinary(file: string, wire = ELECTRON_DEFAULTS): void {
  const junk = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + 7) % 251));
  fs.writeFileSync(file, Buffer.concat([junk(4096), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1'), junk(4096)]), { mode: 0o755 });
}

export function wireOf(file: string): string {
  const buf = fs.readFileSync(file);
  const at = buf.indexOf(SENTINEL) + SENTINEL.length;
  return buf.subarray(at + 2, at + 2 + buf[at + 1]!).toString('latin1');
}
