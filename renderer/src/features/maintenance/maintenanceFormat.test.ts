import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../../shared/contract/views-maintenance';
import {
  backupKindLabel, describeBackupCounts, describeRepair, formatBytes, formatWhen, inWorkspace, recommendedBackup,
} from './maintenanceFormat';

const backup = (id: string): BackupInfo => ({
  id, kind: 'manual', createdAt: '2026-01-01T00:00:00Z', schemaVersion: 1, counts: {}, bytes: 10, verified: true,
});

describe('formatBytes', () => {
  it('keeps small sizes in bytes and scales larger ones', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(-5)).toBe('—');
  });
});

describe('describeBackupCounts', () => {
  it('always names sources and highlights, other collections only when present', () => {
    expect(describeBackupCounts({ sources: 1, highlights: 0, tags: 0 })).toBe('1 source · 0 highlights');
    expect(describeBackupCounts({ sources: 2, highlights: 1, entities: 1, dossiers: 3 }))
      .toBe('2 sources · 1 highlight · 1 entity · 3 dossiers');
    expect(describeBackupCounts({})).toBe('0 sources · 0 highlights');
  });
});

describe('inWorkspace', () => {
  it('joins with the separator the workspace path uses', () => {
    expect(inWorkspace('/home/a/ws', 'quarantine/journal.log.1')).toBe('/home/a/ws/quarantine/journal.log.1');
    expect(inWorkspace('/home/a/ws/', 'quarantine')).toBe('/home/a/ws/quarantine');
    expect(inWorkspace('C:\\Users\\a\\ws', 'quarantine/x')).toBe('C:\\Users\\a\\ws\\quarantine\\x');
  });
});

describe('recommendedBackup', () => {
  it('finds the recommended backup in the list, or none', () => {
    const list = [backup('b2'), backup('b1')];
    expect(recommendedBackup(list, 'b1')?.id).toBe('b1');
    expect(recommendedBackup(list, 'gone')).toBeNull();
    expect(recommendedBackup(list, null)).toBeNull();
  });
});

describe('labels', () => {
  it('names backup kinds and leaves unparsable dates as they are', () => {
    expect(backupKindLabel('pre-migration')).toBe('Before upgrade');
    expect(formatWhen('not a date')).toBe('not a date');
    expect(formatWhen('2026-01-01T00:00:00Z')).not.toBe('2026-01-01T00:00:00Z');
  });

  it('says what a repair did', () => {
    expect(describeRepair({ records: 0, historyLabel: null, files: [], unrepaired: 0 })).toBe('Nothing needed repairing.');
    expect(describeRepair({ records: 2, historyLabel: 'Repair workspace', files: ['texts/x'], unrepaired: 1 }))
      .toBe('2 records fixed in one undoable step; 1 file moved to quarantine/ or restored from a backup; 1 problem left for you to fix by hand.');
  });
});
