/** Validator harness: checks JSON documents against the W3C Web Annotation test-suite "musts" (ajv draft-04). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv-draft-04';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** CI keeps the suite beside the repository (../shared), read-only. */
export const SUITE_ROOT = path.resolve(repoRoot, '../shared/w3c-web-annotation-tests');

export type MustsList = 'annotations/annotationMusts.test' | 'collections/collectionMusts.test' | 'collections/pages/pageMusts.test';

interface Assertion {
  file: string;
  expectedResult: 'valid' | 'invalid';
  errorMessage: string;
  validate: ValidateFunction;
}

/** One must that a document did not meet. */
export interface MustFailure {
  assertion: string;
  expected: 'valid' | 'invalid';
  message: string;
}

export interface MustsChecker {
  /** Assertion files named by the list, in order. */
  assertions: string[];
  /** Every unmet must (empty means the document conforms). */
  check(doc: unknown): MustFailure[];
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

let sharedAjv: Ajv | null = null;

/** One Ajv for the whole suite: definitions/ registered once under their bare file names. */
function suiteAjv(): Ajv {
  if (sharedAjv) return sharedAjv;
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const definitionsDir = path.join(SUITE_ROOT, 'definitions');
  for (const name of fs.readdirSync(definitionsDir).filter((f) => f.endsWith('.json')).sort()) {
    ajv.addSchema(readJson(path.join(definitionsDir, name)) as object);
  }
  sharedAjv = ajv;
  return ajv;
}

const compiled = new Map<string, Assertion>();

function loadAssertion(ajv: Ajv, relFile: string): Assertion {
  const cached = compiled.get(relFile);
  if (cached) return cached;
  const schema = readJson(path.join(SUITE_ROOT, relFile)) as Record<string, unknown>;
  const expected = schema.expectedResult === 'invalid' ? 'invalid' : 'valid';
  // Assertion ids are bare file names; a schema already known to Ajv (same id) is reused.
  const id = typeof schema.id === 'string' ? schema.id : relFile;
  const validate = ajv.getSchema(id) ?? ajv.compile(schema);
  const assertion: Assertion = {
    file: relFile,
    expectedResult: expected,
    errorMessage: typeof schema.errorMessage === 'string' ? schema.errorMessage : relFile,
    validate,
  };
  compiled.set(relFile, assertion);
  return assertion;
}

/** Loads the assertions named in a *.test list (e.g. annotationMusts.test). */
export function loadMusts(list: MustsList = 'annotations/annotationMusts.test'): MustsChecker {
  const ajv = suiteAjv();
  const testFile = readJson(path.join(SUITE_ROOT, list)) as { assertions?: unknown };
  if (!Array.isArray(testFile.assertions) || testFile.assertions.length === 0) {
    throw new Error(`${list} lists no assertions`);
  }
  const files = testFile.assertions.filter((a): a is string => typeof a === 'string');
  const assertions = files.map((file) => loadAssertion(ajv, file));
  return {
    assertions: files,
    check(doc) {
      const failures: MustFailure[] = [];
      for (const a of assertions) {
        const isValid = a.validate(doc) === true;
        if (isValid !== (a.expectedResult === 'valid')) {
          failures.push({ assertion: a.file, expected: a.expectedResult, message: a.errorMessage });
        }
      }
      return failures;
    },
  };
}

/**
 * JSON.parse that tolerates trailing commas: 17 of the suite's "incorrect" samples carry one
 * beside the real defect they illustrate, so a strict parse would hide whether the schemas catch it.
 * Commas inside strings are left alone.
 */
export function parseLenientJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      const rest = text.slice(i + 1).trimStart();
      if (rest.startsWith('}') || rest.startsWith(']')) continue;
    }
    out += ch;
  }
  try {
    return { ok: true, value: JSON.parse(out) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Sample files of tools/samples/<kind>, sorted. */
export function sampleFiles(kind: 'correct' | 'incorrect'): string[] {
  const dir = path.join(SUITE_ROOT, 'tools/samples', kind);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
}
