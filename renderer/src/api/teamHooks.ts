/** Team workspace reads and actions (issue 18): status, conflicts, activity, authorship; link, join, unlock, sync, resolve. */
import { useEffect, useRef } from 'react';
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { TeamStatusView, TeamSyncView } from '../../../shared/contract/views-team';
import { callApi, client, freshness, queryCache } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

type Req<M extends keyof Api> = RequestOf<Api[M]>;

const isTeamKey = (k: string) => k.startsWith('team:');
const statusQuery: QueryDef<TeamStatusView> = { key: 'team:status', fetch: () => client['team.status']({}) };

export const useTeamStatus = () => useQuery(statusQuery);
export const useTeamConflicts = (linked: boolean) =>
  useQuery(linked ? { key: 'team:conflicts', fetch: () => client['team.conflicts']({}) } : null);
export const useTeamActivity = (linked: boolean, limit = 30) =>
  useQuery(linked ? { key: `team:activity:${limit}`, fetch: () => client['team.activity']({ limit }) } : null);
/** Who created and who last changed a record; nothing is asked when the workspace is not linked. */
export const useAuthorOf = (linked: boolean, collection: string, id: string) =>
  useQuery(linked ? { key: `team:author:${collection}/${id}`, fetch: () => client['team.authorOf']({ collection, id }) } : null);

/** Whether this workspace is linked to a team (false while unknown). */
export function useTeamLinked(): boolean {
  return useTeamStatus().data?.linked === true;
}

/**
 * While mounted, re-reads the team state every `everyMs`; when the team sequence moved (others' edits were applied
 * here), asks the workspace revision, which reloads what is shown (freshness.ts).
 */
export function useTeamPolling(everyMs = 2000): void {
  const lastSeq = useRef<number | null>(null);
  useEffect(() => {
    const tick = async () => {
      await queryCache.invalidate(isTeamKey);
      const s = queryCache.peek<TeamStatusView>(statusQuery.key).data;
      const seq = s?.linked ? s.lastSeq : null;
      if (seq !== null && lastSeq.current !== null && seq !== lastSeq.current) await freshness.check();
      lastSeq.current = seq;
    };
    const timer = setInterval(() => void tick(), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
}

/**
 * While the workspace is linked to a team and the window is in front, asks every `everyMs` whether anything was
 * committed here (the team's edits are applied in the background as they arrive) and, if so, reloads what is shown:
 * others' highlights appear without the analyst leaving the screen. history.state is a few dozen bytes.
 */
export function useTeamLiveUpdates(linked: boolean, everyMs = 1000): void {
  useEffect(() => {
    if (!linked) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void freshness.check();
    }, everyMs);
    return () => clearInterval(timer);
  }, [linked, everyMs]);
}

/** After a link, join or sync: team views reload, and everything shown when edits were pulled. */
async function afterSync(view: TeamSyncView): Promise<void> {
  // workspace.info too: it says whether the workspace is linked (live updates start once it is).
  await queryCache.invalidate(view.pulled > 0 ? () => true : (k) => isTeamKey(k) || k === 'workspace');
}

export async function shareWorkspace(r: Req<'team.link'>): Promise<TeamSyncView | null> {
  const reply = await callApi('team.link', r, 'Could not share the workspace');
  if (reply.ok) await afterSync(reply.value);
  return reply.ok ? reply.value : null;
}

export async function joinTeam(r: Req<'team.join'>): Promise<TeamSyncView | null> {
  const reply = await callApi('team.join', r, 'Could not join the team workspace');
  if (reply.ok) await afterSync(reply.value);
  return reply.ok ? reply.value : null;
}

export async function unlockTeam(password: string): Promise<boolean> {
  const reply = await callApi('team.unlock', { password }, 'Could not connect to the team database');
  if (reply.ok) await queryCache.invalidate(isTeamKey);
  return reply.ok;
}

export async function syncTeamNow(): Promise<TeamSyncView | null> {
  const reply = await callApi('team.sync', {}, 'Sync failed');
  // A failed sync changes the status (offline, with the reason): show it.
  if (reply.ok) await afterSync(reply.value);
  else await queryCache.invalidate(isTeamKey);
  return reply.ok ? reply.value : null;
}

export async function resolveTeamConflict(r: Req<'team.resolveConflict'>): Promise<boolean> {
  const reply = await callApi('team.resolveConflict', r, 'Could not resolve the conflict');
  // The choice is an ordinary edit: the record and the history change too.
  if (reply.ok) await queryCache.invalidate(() => true);
  return reply.ok;
}

/** Owner actions on members (the team database decides; a refusal is shown with its reason). */
async function changeMembers<M extends 'team.addMember' | 'team.setRole' | 'team.removeMember'>(method: M, r: Req<M>, errorTitle: string): Promise<boolean> {
  const reply = await callApi(method, r, errorTitle);
  await queryCache.invalidate(isTeamKey);
  return reply.ok;
}
export const addTeamMember = (r: Req<'team.addMember'>) => changeMembers('team.addMember', r, `Could not add ${r.login}`);
export const setTeamMemberRole = (r: Req<'team.setRole'>) => changeMembers('team.setRole', r, `Could not change ${r.login}'s role`);
export const removeTeamMember = (r: Req<'team.removeMember'>) => changeMembers('team.removeMember', r, `Could not remove ${r.login}`);
