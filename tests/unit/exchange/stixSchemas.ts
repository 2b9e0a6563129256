/** Validator harness: STIX 2.1 objects checked by the OASIS JSON schemas kept beside the repository (../shared/exchange). */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { repoRoot } from '../helpers';

export const STIX_SCHEMAS = path.resolve(repoRoot, '../shared/exchange/stix2-json-schemas/schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

let shared: Ajv2020 | null = null;

/** One Ajv holding every schema file (they $ref each other by relative path). */
function stixAjv(): Ajv2020 {
  if (shared) return shared;
  // unicodeRegExp off: the schemas' patterns use "\-", which the u flag rejects; strict off: they carry non-standard keywords.
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.json') ? [path.join(dir, d.name)] : []));
  for (const file of walk(STIX_SCHEMAS).sort()) ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
  shared = ajv;
  return ajv;
}

/** The schema file for a STIX type, as the OASIS repository lays them out. */
function schemaIdFor(type: string): string {
  if (type === 'bundle') return `${BASE}common/bundle.json`;
  for (const folder of ['sdos', 'sros', 'common', 'observables']) {
    if (fs.existsSync(path.join(STIX_SCHEMAS, folder, `${type}.json`))) return `${BASE}${folder}/${type}.json`;
  }
  throw new Error(`no STIX schema for type "${type}"`);
}

/** Errors (empty when valid) of one object against the schema named by its type. */
export function stixErrors(obj: Record<string, unknown>): string[] {
  const validate = stixAjv().getSchema(schemaIdFor(String(obj['type'])));
  if (!validate) throw new Error(`schema for ${String(obj['type'])} not loaded`);
  return validate(obj) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
