/** "Edit details": title, authors, publisher, date, URL, language and reliability (sources.updateMeta); a web capture's provenance below. */
import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Reliability, Source, SourceMeta } from '../../../../../shared/domain/types';
import { updateSourceMeta } from '../../../api/mutations';
import { notifySuccess } from '../../../api/notify';
import { RELIABILITY_OPTIONS } from '../../common/lib/reliability';
import { CaptureProvenance } from '../../capture/CaptureProvenance/CaptureProvenance';
import { TeamAuthorLine } from '../../team/TeamAuthorLine/TeamAuthorLine';

const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The form's working copy: the source's metadata plus its reliability grade. */
type Draft = SourceMeta & { reliability: Reliability };

const draftOf = (s: Source): Draft => ({ ...s.meta, authors: [...s.meta.authors], reliability: s.reliability });

export function SourceDetailsModal({ source, opened, onClose }: { source: Source; opened: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(source));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) setDraft(draftOf(source));
  }, [opened, source]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const dateError = draft.publishedAt && !DATE_PATTERN.test(draft.publishedAt.trim()) ? 'Use YYYY, YYYY-MM or YYYY-MM-DD' : null;

  const submit = async () => {
    if (dateError) return;
    setBusy(true);
    const { reliability, ...meta } = draft;
    const saved = await updateSourceMeta({
      id: source.id,
      patch: {
        ...meta,
        title: meta.title.trim() || source.meta.title,
        publishedAt: meta.publishedAt.trim(),
        authors: meta.authors.map((a) => a.trim()).filter(Boolean),
      },
      reliability,
    });
    setBusy(false);
    if (saved) {
      notifySuccess('Details saved', `Saved the details of “${saved.meta.title}”.`);
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Source details" size={source.capture ? 'xl' : 'lg'} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Title" required value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} data-testid="details-title" data-autofocus />
          <TagsInput label="Authors" placeholder="Type a name, Enter to add" value={draft.authors} onChange={(v) => set('authors', v)} splitChars={[';']} data-testid="details-authors" />
          <SimpleGrid cols={2}>
            <TextInput label="Publisher" value={draft.publisher} onChange={(e) => set('publisher', e.currentTarget.value)} data-testid="details-publisher" />
            <TextInput
              label="Published" placeholder="YYYY-MM-DD" value={draft.publishedAt} error={dateError}
              onChange={(e) => set('publishedAt', e.currentTarget.value)} data-testid="details-date"
            />
          </SimpleGrid>
          <TextInput label="URL" type="url" placeholder="https://…" value={draft.url} onChange={(e) => set('url', e.currentTarget.value)} data-testid="details-url" />
          <SimpleGrid cols={2}>
            <TextInput label="Language" placeholder="e.g. en, fr" value={draft.language} onChange={(e) => set('language', e.currentTarget.value)} data-testid="details-language" />
            <Select
              label="Reliability" data={RELIABILITY_OPTIONS} value={draft.reliability} allowDeselect={false}
              onChange={(v) => v && set('reliability', v as Reliability)} data-testid="details-reliability"
            />
          </SimpleGrid>
          <Group justify="space-between" mt="sm">
            {/* Inside the modal: mounted (and asked) only when the details are opened. */}
            <TeamAuthorLine collection="sources" id={source.id} />
            <Group gap="sm" ml="auto">
              <Button variant="default" onClick={onClose}>Cancel</Button>
              <Button type="submit" loading={busy} disabled={!!dateError} data-testid="details-submit">Save details</Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {source.capture && <CaptureProvenance source={source} onLeave={onClose} />}
    </Modal>
  );
}
