/** Contract methods for Analysis of Competing Hypotheses matrices (issue 17). */
import { z } from 'zod';
import { method } from './define';
import { empty, id, text } from './schemas';
import { ACH_RATINGS } from '../domain/analysis/ach';
import type { AchMatrixSummary, AchMatrixView } from './views-ach';
import type { ExportedFile } from './views-dossiers';

const label = z.string().trim().min(1, 'a label is required').max(500);

export const achApi = {
  'ach.list': method<AchMatrixSummary[]>()({ request: empty }),
  'ach.get': method<AchMatrixView>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  'ach.create': method<AchMatrixView>()({
    request: z.object({ title: label, question: text(2000).default('') }).strict(),
  }),
  'ach.update': method<AchMatrixView>()({
    request: z.object({ id, title: label.optional(), question: text(2000).optional() }).strict(),
    errors: ['not_found'],
  }),
  'ach.delete': method<{ id: string }>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  'ach.addHypothesis': method<AchMatrixView>()({
    request: z.object({ matrixId: id, label, note: text(5000).default('') }).strict(),
    errors: ['not_found', 'invalid_request'],
  }),
  'ach.updateHypothesis': method<AchMatrixView>()({
    request: z.object({ matrixId: id, hypothesisId: id, label: label.optional(), note: text(5000).optional() }).strict(),
    errors: ['not_found'],
  }),
  'ach.removeHypothesis': method<AchMatrixView>()({
    request: z.object({ matrixId: id, hypothesisId: id }).strict(),
    errors: ['not_found'],
  }),
  'ach.addEvidence': method<AchMatrixView>()({
    request: z.object({ matrixId: id, kind: z.enum(['claim', 'highlight']), refId: id }).strict(),
    errors: ['not_found', 'duplicate', 'invalid_request'],
  }),
  'ach.removeEvidence': method<AchMatrixView>()({
    request: z.object({ matrixId: id, evidenceId: id }).strict(),
    errors: ['not_found'],
  }),
  /** Rates one cell; null clears it (unrated counts as neutral). */
  'ach.rate': method<AchMatrixView>()({
    request: z.object({ matrixId: id, evidenceId: id, hypothesisId: id, rating: z.enum(ACH_RATINGS).nullable() }).strict(),
    errors: ['not_found'],
  }),
  'ach.csv': method<ExportedFile>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
};
