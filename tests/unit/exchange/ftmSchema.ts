/** Validator harness: FollowTheMoney entities checked by the FtM model's own YAML schemas kept beside the repository (../shared/exchange). */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers';

export const FTM_SCHEMAS = path.resolve(repoRoot, '../shared/exchange/followthemoney-schema');

interface PropertySpec { type?: string; range?: string }
interface SchemaSpec { extends?: string[]; abstract?: boolean; required?: string[]; properties?: Record<string, PropertySpec | null> }

let model: Map<string, SchemaSpec> | null = null;

/** Every schema file (.yaml and .yml: Documentation is .yml), one schema per file keyed by name. */
function loadModel(): Map<string, SchemaSpec> {
  if (model) return model;
  const m = new Map<string, SchemaSpec>();
  for (const f of fs.readdirSync(FTM_SCHEMAS).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    for (const [name, spec] of Object.entries(parse(fs.readFileSync(path.join(FTM_SCHEMAS, f), 'utf8')) as Record<string, SchemaSpec>)) m.set(name, spec);
  }
  model = m;
  return m;
}

/** The schema and all its ancestors through `extends`. */
export function ancestry(schema: string): string[] {
  const m = loadModel();
  const seen: string[] = [];
  const walk = (n: string) => {
    if (seen.includes(n)) return;
    seen.push(n);
    for (const p of m.get(n)?.extends ?? []) walk(p);
  };
  walk(schema);
  return seen;
}

/** A property as defined on the schema or the nearest ancestor that defines it. */
function propertyOf(schema: string, prop: string): PropertySpec | undefined {
  for (const s of ancestry(schema)) {
    const props = loadModel().get(s)?.properties;
    if (props && prop in props) return props[prop] ?? {};
  }
  return undefined;
}

export interface FtmEntityLike { id?: unknown; schema?: unknown; properties?: unknown }

/**
 * Errors (empty when valid) of an export: each entity's schema exists and is not abstract, every property it uses is
 * defined on the schema or an ancestor, values are lists of strings, required properties (inherited too) are present,
 * entity-typed properties point at ids in the export whose schema is the property's range or descends from it, and the
 * values of country, date and url properties have the form FtM stores them in.
 */
export function ftmErrors(entities: readonly FtmEntityLike[]): string[] {
  const m = loadModel();
  const errors: string[] = [];
  const byId = new Map<string, string>();
  for (const e of entities) {
    if (typeof e.id !== 'string' || e.id === '') errors.push(`entity without an id: ${JSON.stringify(e).slice(0, 80)}`);
    else if (byId.has(e.id)) errors.push(`${e.id}: duplicate id`);
    else byId.set(e.id, String(e.schema));
  }
  for (const e of entities) {
    const at = `${String(e.id)} (${String(e.schema)})`;
    const schema = String(e.schema);
    const spec = m.get(schema);
    if (!spec) { errors.push(`${at}: no schema "${schema}"`); continue; }
    if (spec.abstract) errors.push(`${at}: schema ${schema} is abstract`);
    const props = (e.properties ?? {}) as Record<string, unknown>;
    const required = new Set(ancestry(schema).flatMap((s) => m.get(s)?.required ?? []));
    for (const r of required) if (!Array.isArray(props[r]) || (props[r] as unknown[]).length === 0) errors.push(`${at}: required property ${r} missing`);
    for (const [name, values] of Object.entries(props)) {
      const p = propertyOf(schema, name);
      if (!p) { errors.push(`${at}: property ${name} is not defined on ${schema} or its ancestors`); continue; }
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) { errors.push(`${at}: ${name} is not a list of strings`); continue; }
      for (const v of values as string[]) {
        if (p.type === 'entity') {
          const target = byId.get(v);
          if (target === undefined) errors.push(`${at}: ${name} points at ${v}, which is not in the export`);
          else if (p.range && !ancestry(target).includes(p.range)) errors.push(`${at}: ${name} wants a ${p.range}, got a ${target}`);
        } else if (p.type === 'country' && !/^[a-z]{2}(-[a-z0-9]+)?$/.test(v)) errors.push(`${at}: ${name} "${v}" is not a country code`);
        else if (p.type === 'date' && !/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/.test(v)) errors.push(`${at}: ${name} "${v}" is not a date`);
        else if (p.type === 'url' && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v)) errors.push(`${at}: ${name} "${v}" is not a URL`);
      }
    }
  }
  return errors;
}
