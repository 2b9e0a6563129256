/** "Import from URL": one address or many (one per line), captured one at a time with each one's progress and result. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { parseUrlList } from './urlList';
import { UrlProgressList } from './UrlProgressList';
import { useUrlImport } from './useUrlImport';
import classes from './ImportUrlModal.module.css';

/** `prefill`: addresses a drop, a paste or a command brought (filled in when the dialog opens). */
export function ImportUrlModal({ opened, prefill, onClose }: { opened: boolean; prefill: string; onClose: () => void }) {
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const { items, running, stopping, start, stop, reset } = useUrlImport();
  const parsed = useMemo(() => parseUrlList(text), [text]);

  useEffect(() => {
    if (opened && prefill) setText((t) => (t.trim() ? `${t.trimEnd()}\n${prefill}` : prefill));
  }, [opened, prefill]);

  const close = () => {
    reset();
    setText('');
    setTried(false);
    onClose();
  };

  const submit = () => {
    setTried(true);
    if (parsed.problems.length > 0 || parsed.urls.length === 0) return;
    start(parsed.urls);
    setText('');
    setTried(false);
  };

  const problems = tried ? parsed.problems : [];
  const n = parsed.urls.length;

  return (
    <Modal opened={opened} onClose={close} title="Import from URL" size="xl" centered data-testid="url-import-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Textarea
            label="Web addresses" autosize minRows={3} maxRows={10} data-autofocus
            description="One per line. Each page is fetched, kept with its raw bytes, a printed copy and their SHA-256 hashes, and imported as a source."
            placeholder={'https://news.example/2026/12/05/article\nhttps://…'}
            value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="url-import-text"
            error={tried && parsed.problems.length > 0 ? 'Fix or remove the lines below; nothing was imported.' : undefined}
          />
          {problems.length > 0 && (
            <ul className={classes.problems} data-testid="url-import-problems" aria-live="polite">
              {problems.map((p) => (
                <li key={p.line}>Line {p.line}: <Text span ff="monospace" size="sm">{p.text.slice(0, 80)}</Text> — {p.message}</li>
              ))}
            </ul>
          )}
          <UrlProgressList items={items} onOpen={close} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">Pages are fetched one at a time, without cookies; a page that fails leaves nothing behind.</Text>
            <Group gap="xs">
              {running && (
                <Button variant="default" onClick={stop} disabled={stopping} data-testid="url-import-stop">
                  {stopping ? 'Stopping after this one…' : 'Stop after this one'}
                </Button>
              )}
              <Button variant="default" onClick={close} data-testid="url-import-close">{items.length > 0 && !running ? 'Close' : 'Cancel'}</Button>
              <Button type="submit" disabled={!text.trim() || running} data-testid="url-import-submit">
                {n > 1 ? `Import ${n} pages` : 'Import page'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
