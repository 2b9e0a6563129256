/** The reader's header: back link, editable title, metadata line, the Pages | Text switch of a PDF and the "Edit details" button. */
import { ActionIcon, Anchor, Badge, Button, Group, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { memo, useState, type ReactNode } from 'react';
import type { Source } from '../../../../../shared/domain/types';
import { updateSourceMeta } from '../../../api/mutations';
import { RELIABILITY_LABEL } from '../../common/lib/reliability';
import { hrefFor } from '../../../routes/useRoute';
import { IconBack, IconPencil } from '../../common/Icons/Icons';
import { formatUtc } from '../../capture/captureFormat';
import classes from './ReaderHeader.module.css';

function TitleEditor({ source, onDone }: { source: Source; onDone: () => void }) {
  const [value, setValue] = useState(source.meta.title);
  const save = async () => {
    const title = value.trim();
    if (title && title !== source.meta.title) await updateSourceMeta({ id: source.id, patch: { title } });
    onDone();
  };
  return (
    <TextInput
      value={value} autoFocus size="md" className={classes.titleInput} aria-label="Title"
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') onDone();
      }}
      data-testid="reader-title-input"
    />
  );
}

/** Only web links are clickable: a stored `javascript:` or `file:` URL must never become a live link. */
interface ReaderHeaderProps {
  source: Source;
  onEditDetails: () => void;
  actions?: ReactNode;
  /** The Pages | Text switch, for a PDF kept with its pages. */
  viewToggle?: ReactNode;
}

function ReaderHeaderImpl({ source, onEditDetails, actions, viewToggle }: ReaderHeaderProps) {
  const [editingTitle, setEditingTitle] = useState(false);
  const { meta } = source;
  const facts = [meta.authors.join(', '), meta.publisher, meta.publishedAt].filter(Boolean);
  return (
    <header className={classes.header}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="md">
        <div className={classes.titleBlock}>
          <Anchor href={hrefFor({ name: 'library' })} size="xs" c="dimmed" data-testid="reader-back">
            <Group gap={2} component="span"><IconBack size={12} /> Library</Group>
          </Anchor>
          {editingTitle ? (
            <TitleEditor source={source} onDone={() => setEditingTitle(false)} />
          ) : (
            <Group gap={6} wrap="nowrap" align="center">
              <Title order={2} className={classes.title} onDoubleClick={() => setEditingTitle(true)} data-testid="reader-title">
                {meta.title || 'Untitled'}
              </Title>
              <Tooltip label="Rename">
                <ActionIcon variant="subtle" color="gray" aria-label="Rename" onClick={() => setEditingTitle(true)} data-testid="reader-title-edit">
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
          <Group gap="xs" mt={4}>
            {facts.length > 0 && <Text size="sm" c="dimmed" data-testid="reader-meta">{facts.join(' · ')}</Text>}
            <Tooltip label={`Reliability: ${RELIABILITY_LABEL[source.reliability]}`}>
              <Badge variant="outline" color="gray" size="sm" data-testid="reader-reliability">Reliability {source.reliability}</Badge>
            </Tooltip>
            <Badge variant="light" color="gray" size="sm">{source.kind}</Badge>
            {source.capture && (
              <Tooltip label="Captured from the web: provenance, verification and versions in the details">
                <Badge
                  component="button" type="button" variant="light" color="blue" size="sm" style={{ cursor: 'pointer' }}
                  onClick={onEditDetails} data-testid="reader-capture-badge"
                >
                  {source.versionOf ? `v${source.versionOf.version} · ` : ''}captured {formatUtc(source.capture.capturedAt)}
                </Badge>
              </Tooltip>
            )}
            {/^https?:\/\//i.test(meta.url) && (
              <Anchor href={meta.url} target="_blank" rel="noreferrer noopener" size="sm" className={classes.url}>
                {meta.url}
              </Anchor>
            )}
          </Group>
          {source.kind === 'pdf' && !source.pdf && (
            <Text size="xs" c="dimmed" mt={4} data-testid="reader-pdf-hint">
              Imported as text only. Import the same PDF file again to read it as pages; its highlights are kept.
            </Text>
          )}
        </div>
        <Group gap="xs" wrap="nowrap">
          {viewToggle}
          {actions}
          <Button variant="default" size="sm" leftSection={<IconPencil size={14} />} onClick={onEditDetails} data-testid="reader-edit-details">
            Edit details
          </Button>
        </Group>
      </Group>
    </header>
  );
}

/** Memoised: a highlight edit re-renders the reader, and its source (this header's only data) stays the same object. */
export const ReaderHeader = memo(ReaderHeaderImpl);
