/** The recent-workspaces list: newest first, at most 10, one entry per folder, survives damage, marks vanished folders. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecentStore, folderKey, MAX_RECENT, RECENT_FILE } from './recent';
import { tempDir } from '../../../tests/unit/helpers';

/** Real folders, so "missing" is decided by the real file system. */
function folders(n: number): string[] {
  const root = tempDir('wb-recent-dirs-');
  return Array.from({ length: n }, (_, i) => {
    const d = path.join(root, `ws${i}`);
    fs.mkdirSync(d);
    return d;
  });
}

describe('the recent-workspaces list', () => {
  it('is kept across launches, newest first', () => {
    const userData = tempDir('wb-userdata-');
    const [a, b] = folders(2);
    const first = createRecentStore({ folder: userData });
    first.add(a!);
    first.add(b!);
    const again = createRecentStore({ folder: userData });
    expect(again.list().map((e) => e.dir)).toEqual([b, a]);
    expect(again.list().every((e) => !e.missing)).toBe(true);
  });

  it('keeps one entry per folder: reopening moves it to the top, and "x/" or "x/../x" is the same folder', () => {
    const store = createRecentStore({ folder: tempDir('wb-userdata-') });
    const [a, b] = folders(2);
    store.add(a!);
    store.add(b!);
    store.add(`${a}/`);
    store.add(path.join(a!, '..', path.basename(a!)));
    expect(store.list().map((e) => e.dir)).toEqual([a, b]);
  });

  it('compares folders case-insensitively on macOS and Windows only', () => {
    expect(folderKey('/Users/Ann/Research', 'darwin')).toBe(folderKey('/users/ann/research/', 'darwin'));
    expect(folderKey('C:\\Users\\Ann\\Research', 'win32')).toBe(folderKey('c:\\users\\ann\\RESEARCH\\', 'win32'));
    expect(folderKey('/home/ann/Research', 'linux')).not.toBe(folderKey('/home/ann/research', 'linux'));
    const mac = createRecentStore({ folder: tempDir('wb-userdata-'), platform: 'darwin', isDir: () => true });
    mac.add('/Users/Ann/Research');
    mac.add('/users/ann/research');
    expect(mac.list().map((e) => e.dir)).toEqual(['/users/ann/research']);
    const linux = createRecentStore({ folder: tempDir('wb-userdata-'), platform: 'linux', isDir: () => true });
    linux.add('/home/ann/Research');
    linux.add('/home/ann/research');
    expect(linux.list()).toHaveLength(2);
  });

  it(`holds at most ${MAX_RECENT}, dropping the oldest`, () => {
    const userData = tempDir('wb-userdata-');
    const store = createRecentStore({ folder: userData });
    const dirs = folders(MAX_RECENT + 3);
    for (const d of dirs) store.add(d);
    const expected = dirs.slice(-MAX_RECENT).reverse();
    expect(store.list().map((e) => e.dir)).toEqual(expected);
    expect(createRecentStore({ folder: userData }).list().map((e) => e.dir)).toEqual(expected);
  });

  it('a damaged file gives an empty list, is kept aside under another name and reported; the next add starts afresh', () => {
    for (const content of ['{"format": "analyst-workbench/recent-workspaces", "entries": [', '{"format":"analyst-workbench/recent-workspaces","entries":[{"dir":"relative/path","openedAt":"x"}]}', '[1,2,3]']) {
      const userData = tempDir('wb-userdata-');
      fs.writeFileSync(path.join(userData, RECENT_FILE), content);
      const problems: string[] = [];
      const store = createRecentStore({ folder: userData, onProblem: (m) => problems.push(m) });
      expect(store.list()).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/could not be read .*kept as .*damaged-/);
      const aside = fs.readdirSync(userData).filter((n) => n.startsWith(`${RECENT_FILE}.damaged-`));
      expect(aside).toHaveLength(1);
      expect(fs.readFileSync(path.join(userData, aside[0]!), 'utf8')).toBe(content);
      const [a] = folders(1);
      store.add(a!);
      expect(createRecentStore({ folder: userData }).list().map((e) => e.dir)).toEqual([a]);
    }
  });

  it('a damaged file that cannot be set aside either is reported with both reasons and left as it was; the list starts empty', () => {
    const userData = tempDir('wb-userdata-');
    const file = path.join(userData, RECENT_FILE);
    fs.writeFileSync(file, '{ damaged');
    const now = new Date('2026-01-02T03:04:05.678Z');
    // A non-empty folder already stands where the damaged file would be moved: the rename fails.
    const aside = `${file}.damaged-2026-01-02T03-04-05-678Z`;
    fs.mkdirSync(aside);
    fs.writeFileSync(path.join(aside, 'keep'), 'x');
    const problems: string[] = [];
    const store = createRecentStore({ folder: userData, onProblem: (m) => problems.push(m), now: () => now });
    expect(store.list()).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/could not be read \(.*\) nor set aside \(.+\); a new list was started\./);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ damaged');
  });

  it('an unwritable user-data folder is reported, never thrown; the list still works for this session', () => {
    const parent = tempDir('wb-userdata-');
    const blocked = path.join(parent, 'file-not-folder');
    fs.writeFileSync(blocked, 'x');
    const problems: string[] = [];
    const store = createRecentStore({ folder: blocked, onProblem: (m) => problems.push(m) });
    const [a] = folders(1);
    expect(store.add(a!).map((e) => e.dir)).toEqual([a]);
    expect(problems.join('\n')).toMatch(/could not be saved/);
  });

  it('marks entries whose folder is gone as missing (still listed), and removes them on request', () => {
    const store = createRecentStore({ folder: tempDir('wb-userdata-') });
    const [a, b, c] = folders(3);
    for (const d of [a, b, c]) store.add(d!);
    fs.rmSync(b!, { recursive: true });
    expect(store.list().map((e) => [path.basename(e.dir), e.missing])).toEqual([['ws2', false], ['ws1', true], ['ws0', false]]);
    expect(store.removeMissing().map((e) => e.dir)).toEqual([c, a]);
    expect(store.remove(c!).map((e) => e.dir)).toEqual([a]);
    expect(store.clear()).toEqual([]);
  });
});
