/** Checks a workspace against the crash writer's ack file: every acknowledged write must be there. */
import fs from 'node:fs';
import type { WorkspaceState } from '../../shared/domain/state';

export interface AckCheck { acked: number; lost: string[] }

/** Complete lines only: a line the writer was killed while writing was never acknowledged. */
export function readAcks(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  return text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
}

export function checkAcks(state: WorkspaceState, lines: readonly string[]): AckCheck {
  const lost: string[] = [];
  for (const line of lines) {
    const [kind, id, a, b] = line.split(' ');
    const h = kind === 'T' ? undefined : state.get('highlights', id!);
    const ok =
      kind === 'T' ? state.get('tags', id!)?.name === a
      : kind === 'H' ? h?.position.start === Number(a) && h.position.end === Number(b)
      // A later note (killed before its ack) may have replaced it: its number is then larger.
      : kind === 'N' ? h !== undefined && /^n:\d+$/.test(h.note) && Number(h.note.slice(2)) >= Number(a)
      : kind === 'A' ? h?.tagIds.includes(a!) === true
      : false;
    if (!ok) lost.push(line);
  }
  return { acked: lines.length, lost };
}
