/** Expected CLI failures end in one line and their own exit code; stack traces only with --debug. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, ensureBuilt, root } from '../../tests/robustness/build';
import { tempDir } from '../../tests/unit/helpers';
import { StoreError } from '../services/store/errors';
import { acquireLock } from '../services/store/lock';
import { EXIT, classifyFailure, exitForApiError } from './exit-codes';

const errno = (code: string, p = '/w/x'): NodeJS.ErrnoException => Object.assign(new Error(`${code}: boom, open '${p}'`), { code, path: p });

describe('classifyFailure', () => {
  it('gives each expected failure its own code and a plain message', () => {
    expect(classifyFailure(errno('EACCES'))).toMatchObject({ exitCode: EXIT.permission, expected: true, message: expect.stringMatching(/^permission denied \(\/w\/x\)/) });
    expect(classifyFailure(errno('EPERM')).exitCode).toBe(EXIT.permission);
    expect(classifyFailure(errno('ENOSPC'))).toMatchObject({ exitCode: EXIT.disk, message: 'the disk is full (/w/x)' });
    expect(classifyFailure(errno('EROFS')).exitCode).toBe(EXIT.disk);
    expect(classifyFailure(errno('ENOENT')).exitCode).toBe(EXIT.notFound);
    expect(classifyFailure(new StoreError('locked', 'held by pid 1')).exitCode).toBe(EXIT.locked);
    expect(classifyFailure(new StoreError('damaged', 'snapshot.json is damaged')).exitCode).toBe(EXIT.damaged);
    expect(classifyFailure(new StoreError('too_new', 'newer')).exitCode).toBe(EXIT.damaged);
    expect(classifyFailure(new StoreError('missing', 'No workspace at /x.')).exitCode).toBe(EXIT.notFound);
    expect(classifyFailure(new StoreError('io', 'Could not save: permission denied', errno('EACCES'))).exitCode).toBe(EXIT.permission);
    expect(classifyFailure(new StoreError('io', 'Could not save: the disk is full', errno('ENOSPC'))).exitCode).toBe(EXIT.disk);
    expect(exitForApiError({ code: 'not_found' })).toBe(EXIT.notFound);
    expect(exitForApiError({ code: 'workspace_locked' })).toBe(EXIT.locked);
    expect(exitForApiError({ code: 'import_rejected' })).toBe(EXIT.failed);
  });

  it('calls anything else a bug, which is the only case worth a stack', () => {
    const c = classifyFailure(new TypeError('x is undefined'));
    expect(c).toMatchObject({ exitCode: EXIT.internal, expected: false });
    expect(c.message).toBe('unexpected failure (a bug; please report it): TypeError: x is undefined');
  });
});

interface Run { code: number | null; stdout: string; stderr: string }
/** The built CLI as a child process, optionally as the unprivileged `nobody` (root ignores file permissions). */
function cli(dir: string, args: string[], asNobody = false): Run {
  const argv = [builtCli, '--workspace', dir, ...args];
  const r = asNobody
    ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...argv], { cwd: '/', encoding: 'utf8' })
    : spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One "error: …" line, nothing that looks like a stack frame. */
function expectOneLine(r: Run, code: number, pattern: RegExp): void {
  expect(r.stderr, r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/unexpected failure/);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.code, r.stderr).toBe(code);
}

const canDropPrivileges = process.platform === 'linux' && (process.getuid?.() === 0
  ? spawnSync('setpriv', ['--version']).status === 0
  : true);

describe('the built CLI on expected failures', () => {
  let dir = '';
  beforeAll(async () => {
    await ensureBuilt();
    dir = path.join(tempDir(), 'ws');
    expect(cli(dir, ['import', path.join(root, 'seeds/sample-article.txt')]).code).toBe(0);
  }, 180_000);

  it.runIf(canDropPrivileges)('a workspace this account may read but not write: exit 6, one line, no stack', () => {
    // Readable by everyone, writable by its owner only; the CLI runs as another account.
    fs.chmodSync(path.dirname(dir), 0o755);
    for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      fs.chmodSync(path.join(e.parentPath, e.name), e.isDirectory() ? 0o755 : 0o644);
    }
    fs.chmodSync(dir, 0o755);
    const asOther = process.getuid?.() === 0;
    const before = fs.readFileSync(path.join(dir, 'journal.log'));
    const r = cli(dir, ['import', path.join(root, 'seeds/sample-article.txt')], asOther);
    expectOneLine(r, EXIT.permission, /^error: permission denied \(.*\): this account may not change the workspace$/m);
    expect(fs.readFileSync(path.join(dir, 'journal.log'))).toEqual(before);
    // Reading still works for that account.
    expect(cli(dir, ['sources'], asOther).code).toBe(0);
    // --debug adds the stack for whoever wants it.
    expect(cli(dir, ['--debug', 'import', path.join(root, 'seeds/sample-article.txt')], asOther).stderr).toMatch(/^\s+at /m);
    fs.chmodSync(dir, 0o700);
  });

  it('a workspace open in another process: exit 4', () => {
    const release = acquireLock(dir, 'the test process');
    try {
      expectOneLine(cli(dir, ['import', path.join(root, 'seeds/sample-article.txt')]), EXIT.locked, /open in another window or process \(the test process/);
    } finally {
      release();
    }
  });

  it('a record or file that does not exist: exit 3', () => {
    expectOneLine(cli(dir, ['annotations', '--source', 'no-such-source']), EXIT.notFound, /^error: No source with id no-such-source\.$/m);
    expectOneLine(cli(dir, ['import-annotations', '/no/such/file.jsonld']), EXIT.notFound, /cannot read the file \(no such file or folder\)/);
    expectOneLine(cli(path.join(dir, 'nowhere'), ['sources']), EXIT.notFound, /^error: No workspace at .*nowhere\.$/m);
  });

  it('a damaged workspace: exit 5', () => {
    const copy = path.join(tempDir(), 'damaged');
    fs.cpSync(dir, copy, { recursive: true });
    fs.rmSync(path.join(copy, '.lock'), { force: true });
    fs.writeFileSync(path.join(copy, 'workspace.json'), Buffer.alloc(64));
    expectOneLine(cli(copy, ['sources']), EXIT.damaged, /workspace\.json is damaged/);
  });

  it('bad usage: exit 2', () => {
    const r = cli(dir, ['export', 'dossier', 'x', '--format', 'docx']);
    expectOneLine(r, EXIT.usage, /--format must be one of/);
  });
});
