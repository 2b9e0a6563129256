/** Deterministic GUIDs for exports: the same workspace and record give the same GUID on every export (UUIDv5 layout). */
import crypto from 'node:crypto';

/** A fixed namespace for the workbench's exchange identifiers (a random v4, chosen once). */
const NAMESPACE = 'c5b0f2a4-3d1e-4e6b-9a57-2f8d0c41b9e3';

const bytesOf = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');

/**
 * RFC 4122 version-5 UUID of `name` in the workbench namespace. Why v5: a re-export of the same workspace keeps every
 * GUID, so a QDA tool (or a diff) sees the same codes and selections rather than new ones.
 */
export function uuidV5(name: string, namespace: string = NAMESPACE): string {
  const hash = crypto.createHash('sha1').update(bytesOf(namespace)).update(Buffer.from(name, 'utf8')).digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The GUID of one record (kind: what it becomes, e.g. 'code', 'selection') of one workspace. */
export const guidFor = (workspaceId: string, kind: string, recordId: string): string => uuidV5(`${workspaceId}/${kind}/${recordId}`);
