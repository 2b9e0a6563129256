/** CLI commands for entities, claims and relationships. */
import { flagOf, flagsOf } from '../args';
import { EXIT } from '../exit-codes';
import { CliError, printJson, printTable } from '../output';
import { ENTITY_TYPES, type EntityType } from '../../../shared/domain/types';
import { createEntity, listEntities } from '../../services/workbench/entities';
import { suggestForSource } from '../../services/workbench/entity-suggestions';
import { listRelationships } from '../../services/workbench/relationships';
import { listClaims, type ClaimQuery } from '../../services/workbench/claims';
import { withWorkbench, type Command } from './common';

/** Usage lines, in the format of CORE_USAGE in ./core.ts. */
export const ANALYSIS_USAGE = `  entities                     list entities (type, name, aliases, counts)
  entities suggest SOURCE_ID   suggest the entities a source names (nothing is created)
  entities add NAME --type TYPE [--alias A]… [--description D]
                               add an entity (${ENTITY_TYPES.join(', ')});
                               a name already known (name or alias) returns that entity
  relationships [--entity ID]  list relationships, optionally of one entity
  claims [--source ID] [--entity ID] [--grade G] [--sort date|grade|claimant|created]
                               list claims with their Admiralty grade`;

const isEntityType = (t: string | undefined): t is EntityType => ENTITY_TYPES.includes(t as EntityType);

const entitySubcommands: Record<string, Command> = {
  async list(_a, dir, json) {
    const list = await withWorkbench(dir, true, async (wb) => listEntities(wb));
    if (json) printJson(list);
    else printTable(['ID', 'TYPE', 'NAME', 'ALIASES', 'PASSAGES', 'CLAIMS', 'RELATIONSHIPS'],
      list.map((e) => [e.id, e.type, e.name, e.aliases.join('; '), String(e.linkedCount), String(e.claimCount), String(e.relationshipCount)]));
    return 0;
  },

  async suggest(a, dir, json) {
    const sourceId = a.positionals[2];
    if (!sourceId) throw new CliError('entities suggest needs a SOURCE_ID (see `workbench sources`)', EXIT.usage);
    const list = await withWorkbench(dir, true, async (wb) => {
      const r = suggestForSource(wb, sourceId);
      if (!r.ok) throw CliError.fromApi(r.error);
      return r.value;
    });
    if (json) printJson(list);
    else printTable(['TYPE', 'NAME', 'MENTIONS', 'CONFIDENCE', 'KNOWN', 'VARIANTS'],
      list.map((s) => [s.type, s.name, String(s.mentions), s.confidence.toFixed(2), s.matchesEntityId ? 'yes' : '', s.variants.filter((v) => v !== s.name).join('; ')]));
    return 0;
  },

  async add(a, dir, json) {
    const name = a.positionals.slice(2).join(' ').trim();
    if (!name) throw new CliError('entities add needs a NAME', EXIT.usage);
    const type = flagOf(a, '--type');
    if (!isEntityType(type)) {
      throw new CliError(type === undefined
        ? `entities add needs --type TYPE, one of: ${ENTITY_TYPES.join(', ')}`
        : `unknown entity type “${type}”; use one of: ${ENTITY_TYPES.join(', ')}`);
    }
    const r = await withWorkbench(dir, false, async (wb) =>
      createEntity(wb, { type, name, aliases: flagsOf(a, '--alias'), description: flagOf(a, '--description') ?? '' }));
    if (!r.ok) throw CliError.fromApi(r.error);
    const { entity, existed } = r.value;
    if (json) printJson({ ...entity, existed });
    else console.log(existed
      ? `“${name}” is already the entity “${entity.name}” (${entity.type}, ${entity.id}); nothing added`
      : `added ${entity.type} “${entity.name}” (${entity.id})`);
    return 0;
  },
};

export const analysisCommands: Record<string, Command> = {
  async entities(a, dir, json) {
    const sub = a.positionals[1] ?? 'list';
    const cmd = Object.hasOwn(entitySubcommands, sub) ? entitySubcommands[sub] : undefined;
    if (!cmd) throw new CliError(`unknown entities command “${sub}”; use entities, entities suggest SOURCE_ID or entities add NAME --type TYPE`, EXIT.usage);
    return cmd(a, dir, json);
  },

  async relationships(a, dir, json) {
    const entityId = flagOf(a, '--entity');
    const list = await withWorkbench(dir, true, async (wb) => {
      if (entityId && !wb.state.get('entities', entityId)) throw new CliError(`No entity with id ${entityId}.`, EXIT.notFound);
      return listRelationships(wb, entityId);
    });
    if (json) printJson(list);
    else printTable(['ID', 'FROM', 'RELATION', 'TO', 'DATES', 'EVIDENCE'],
      list.map((r) => [r.id, r.fromName, r.label, r.toName, [r.startDate, r.endDate].filter(Boolean).join('–'),
        r.unevidenced ? 'none' : `${r.evidence.length} passage(s)`]));
    return 0;
  },

  async claims(a, dir, json) {
    const sort = flagOf(a, '--sort') ?? 'created';
    if (!['date', 'grade', 'claimant', 'created'].includes(sort)) throw new CliError(`unknown sort “${sort}”; use date, grade, claimant or created`, EXIT.usage);
    const grade = flagOf(a, '--grade')?.toUpperCase();
    if (grade !== undefined && !/^[A-F][1-6]?$|^[1-6]$/.test(grade)) throw new CliError(`bad grade “${grade}”; use e.g. B2, B or 2`);
    const q: ClaimQuery = { sourceId: flagOf(a, '--source'), entityId: flagOf(a, '--entity'), grade, sort: sort as ClaimQuery['sort'] };
    const list = await withWorkbench(dir, true, async (wb) => listClaims(wb, q));
    if (json) printJson(list);
    else printTable(['ID', 'GRADE', 'CLAIMANT', 'TYPE', 'DATE', 'CORROBORATED', 'STATEMENT'],
      list.map((c) => [c.id, c.grade, c.claimantName ?? '', c.type, c.claimedAt, c.corroborated ? 'yes' : '', c.statement]));
    return 0;
  },
};
