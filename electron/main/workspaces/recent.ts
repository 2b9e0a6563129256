/** The recent-workspaces list, kept across launches as JSON in the app's user-data folder (newest first, at most 10). */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { stripBom, writeFileDurable } from '../../services/store/durable-fs';

export const RECENT_FILE = 'recent-workspaces.json';
export const MAX_RECENT = 10;
const FORMAT = 'analyst-workbench/recent-workspaces';

export interface RecentEntry {
  /** Absolute folder path, as the user last opened it. */
  dir: string;
  /** When it was last opened (ISO 8601). */
  openedAt: string;
  /** The folder is gone (unplugged drive, deleted, renamed): shown greyed out, removable. Checked at each read. */
  missing: boolean;
}

const fileSchema = z.object({
  format: z.literal(FORMAT),
  entries: z.array(z.object({
    dir: z.string().min(1).refine((d) => path.isAbsolute(d) || path.win32.isAbsolute(d), 'not an absolute path'),
    openedAt: z.string(),
  })),
});

export interface RecentStoreOptions {
  /** Electron's app.getPath('userData'); created on the first write if needed. */
  folder: string;
  /** Decides whether two paths are the same folder: case-insensitive on win32 and darwin (their default file systems). */
  platform?: NodeJS.Platform;
  /** A damaged file or a failed write; the list keeps working in memory either way. */
  onProblem?: (message: string) => void;
  /** Whether a folder exists (injectable for tests); defaults to a stat. */
  isDir?: (dir: string) => boolean;
  now?: () => Date;
}

export interface RecentStore {
  /** Newest first, each marked `missing` if its folder is gone now. */
  list(): RecentEntry[];
  /** Puts `dir` first (replacing an earlier entry for the same folder) and saves. */
  add(dir: string): RecentEntry[];
  remove(dir: string): RecentEntry[];
  /** Drops every entry whose folder is gone. */
  removeMissing(): RecentEntry[];
  clear(): RecentEntry[];
}

const statDir = (dir: string): boolean => {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

/** The key two paths share when they name the same folder on `platform`. */
export function folderKey(dir: string, platform: NodeJS.Platform = process.platform): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const resolved = p.resolve(dir); // also drops a trailing separator
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

export function createRecentStore(opts: RecentStoreOptions): RecentStore {
  const file = path.join(opts.folder, RECENT_FILE);
  const platform = opts.platform ?? process.platform;
  const report = opts.onProblem ?? (() => undefined);
  const isDir = opts.isDir ?? statDir;
  const now = opts.now ?? (() => new Date());
  let entries: Array<Omit<RecentEntry, 'missing'>> | null = null;

  /** A damaged file is renamed aside (kept for inspection, never deleted) and the list starts empty. */
  const setAside = (why: string): void => {
    const aside = `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      fs.renameSync(file, aside);
      report(`The recent-workspaces list could not be read (${why}); it was kept as ${aside} and a new list was started.`);
    } catch (e) {
      report(`The recent-workspaces list could not be read (${why}) nor set aside (${(e as Error).message}); a new list was started.`);
    }
  };

  const load = (): Array<Omit<RecentEntry, 'missing'>> => {
    if (entries) return entries;
    entries = [];
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') report(`The recent-workspaces list could not be read: ${(e as Error).message}`);
      return entries;
    }
    let json: unknown;
    try {
      json = JSON.parse(stripBom(raw));
    } catch (e) {
      setAside(`not JSON: ${(e as Error).message}`);
      return entries;
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      setAside(parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; '));
      return entries;
    }
    entries = dedupe(parsed.data.entries).slice(0, MAX_RECENT);
    return entries;
  };

  const dedupe = <T extends { dir: string }>(list: readonly T[]): T[] => {
    const seen = new Set<string>();
    return list.filter((e) => {
      const k = folderKey(e.dir, platform);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };

  const save = (): void => {
    try {
      fs.mkdirSync(opts.folder, { recursive: true });
      writeFileDurable(file, JSON.stringify({ format: FORMAT, entries: load() }, null, 2));
    } catch (e) {
      report(`The recent-workspaces list could not be saved: ${(e as Error).message}`);
    }
  };

  const list = (): RecentEntry[] => load().map((e) => ({ ...e, missing: !isDir(e.dir) }));
  const keep = (pred: (e: Omit<RecentEntry, 'missing'>) => boolean): RecentEntry[] => {
    const before = load();
    entries = before.filter(pred);
    if (entries.length !== before.length) save();
    return list();
  };

  return {
    list,
    add(dir) {
      const resolved = (platform === 'win32' ? path.win32 : path.posix).resolve(dir);
      const key = folderKey(resolved, platform);
      entries = [{ dir: resolved, openedAt: now().toISOString() }, ...load().filter((e) => folderKey(e.dir, platform) !== key)].slice(0, MAX_RECENT);
      save();
      return list();
    },
    remove(dir) {
      const key = folderKey(dir, platform);
      return keep((e) => folderKey(e.dir, platform) !== key);
    },
    removeMissing: () => keep((e) => isDir(e.dir)),
    clear: () => keep(() => false),
  };
}
