/** Export menu (PDF, Markdown, HTML, JSON): runs the export job with a progress bar, then saves the file (native save dialog in the app, download in a browser). */
import { Button, Group, Menu, Paper, Progress, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ExportJobStatus } from '../../../../../shared/contract/views-dossiers';
import { useMenuCommand } from '../../../api/desktopCommands';
import type { ExportFormat } from '../../../api/dossierMutations';
import { fileNameOf, saveExport } from '../../../api/saveExport';
import { IconChevronDown, IconUpload } from '../../common/Icons/Icons';

const FORMATS: Array<{ format: ExportFormat; label: string }> = [
  { format: 'pdf', label: 'PDF (print)' },
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML (standalone)' },
  { format: 'json', label: 'JSON (data)' },
];

interface Job {
  format: ExportFormat;
  status: ExportJobStatus | null;
  savedAs: string | null;
}

/** How long the finished bar stays so the eye catches that it is done. */
const DONE_LINGER_MS = 1500;

export function DossierExportMenu({ dossierId }: { dossierId: string }) {
  const [job, setJob] = useState<Job | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  // File › Export Dossier… (menu or palette) opens this menu to pick the format.
  useMenuCommand('exportDossier', () => setMenuOpen(true));
  const lingering = useRef(0);
  useEffect(() => () => window.clearTimeout(lingering.current), []);

  const start = async (format: ExportFormat) => {
    window.clearTimeout(lingering.current);
    setJob({ format, status: null, savedAs: null });
    const outcome = await saveExport({ kind: 'dossier', dossierId, format, onStatus: (status) => setJob({ format, status, savedAs: null }) });
    if (!outcome || 'cancelled' in outcome) return setJob(null);
    setJob((j) => (j ? { ...j, savedAs: fileNameOf(outcome.savedAs) } : j));
    lingering.current = window.setTimeout(() => setJob(null), DONE_LINGER_MS);
  };

  const running = job !== null && job.savedAs === null;
  return (
    <Group gap="sm" wrap="nowrap">
      {job && <ExportProgress job={job} />}
      <Menu position="bottom-end" withinPortal opened={menuOpen} onChange={setMenuOpen}>
        <Menu.Target>
          <Button leftSection={<IconUpload size={16} />} rightSection={<IconChevronDown size={14} />} loading={running} data-testid="dossier-export">
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {FORMATS.map(({ format, label }) => (
            <Menu.Item key={format} onClick={() => void start(format)} data-testid={`export-${format}`}>{label}</Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function ExportProgress({ job }: { job: Job }) {
  const value = job.savedAs ? 100 : Math.round((job.status?.progress ?? 0) * 100);
  const stage = job.savedAs ? `Saved ${job.savedAs}` : job.status?.stage || 'Starting…';
  return (
    <Paper withBorder px="sm" py={6} w={220} data-testid="export-progress" data-state={job.savedAs ? 'done' : job.status?.state ?? 'starting'}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" fw={600}>{job.format.toUpperCase()}</Text>
        <Text size="xs" c="dimmed" truncate data-testid="export-stage">{stage}</Text>
      </Group>
      <Progress value={value} size="sm" mt={4} animated={!job.savedAs} aria-label={`Export progress ${value}%`} />
    </Paper>
  );
}
