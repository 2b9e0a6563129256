/** "Paste text" dialog: a title and the text, imported as a new source with sources.importText. */
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { importText } from '../../../api/mutations';
import { notifySuccess, notifyWarning } from '../../../api/notify';

export function PasteTextModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const close = () => {
    setTitle('');
    setText('');
    onClose();
  };

  const submit = async () => {
    if (!text.trim()) return;
    setBusy(true);
    const outcome = await importText({ text, ...(title.trim() ? { title: title.trim() } : {}) });
    setBusy(false);
    if (!outcome) return; // the error is already shown; keep the text so nothing is lost
    if (outcome.duplicate) notifyWarning('Already in the library', `“${outcome.source.meta.title}” is already in the library.`);
    else notifySuccess('Text imported', `Added “${outcome.source.meta.title}” to the library.`);
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title="Paste text" size="xl" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Title" placeholder="Optional — taken from the first line when empty"
            value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="paste-title" data-autofocus
          />
          <Textarea
            label="Text" required autosize minRows={10} maxRows={22}
            placeholder="Paste the article text here"
            value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="paste-text"
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">{text.length.toLocaleString()} characters</Text>
            <Group gap="xs">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={busy} disabled={!text.trim()} data-testid="paste-submit">Import</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
