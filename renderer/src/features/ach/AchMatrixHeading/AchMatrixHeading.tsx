/** An ACH matrix's title and question, each edited in place: Enter or leaving the field saves, Escape cancels. */
import { ActionIcon, Group, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { IconPencil } from '../../common/Icons/Icons';

export interface AchMatrixHeadingProps {
  title: string;
  question: string;
  /** Saves one field; false after a reported failure (the field then stays open with what was typed). */
  onSave: (patch: { title: string } | { question: string }) => Promise<boolean>;
}

interface InlineFieldProps {
  value: string;
  /** "title" or "question": the button reads "Edit the …", the field "Matrix …". */
  noun: string;
  required: boolean;
  maxLength: number;
  testId: string;
  size: 'lg' | 'sm';
  onSave: (value: string) => Promise<boolean>;
  children: ReactNode;
}

function InlineField({ value, noun, required, maxLength, testId, size, onSave, children }: InlineFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  // Enter and Escape give the focus back to the Edit button; leaving the field by Tab or click keeps it where it went.
  const refocus = useRef(false);
  // A save in flight: the blur that follows Enter, or a second Enter, must not save twice.
  const busy = useRef(false);

  useEffect(() => {
    if (draft === null && refocus.current) {
      refocus.current = false;
      editButton.current?.focus();
    }
  }, [draft]);

  const close = (viaKey: boolean) => {
    refocus.current = viaKey;
    setError(null);
    setDraft(null);
  };
  const save = async (viaKey: boolean) => {
    if (draft === null || busy.current) return;
    const next = draft.trim();
    if (required && !next) {
      setError(`A matrix needs a ${noun}.`);
      return;
    }
    if (next === value) return close(viaKey);
    busy.current = true;
    const saved = await onSave(next);
    busy.current = false;
    if (saved) close(viaKey);
  };

  if (draft !== null) {
    return (
      <TextInput
        value={draft} autoFocus size={size} maxLength={maxLength} aria-label={`Matrix ${noun}`} error={error}
        description="Enter saves, Escape cancels" data-testid={`${testId}-input`} maw={760}
        // Mantine's dark error red is 3.9:1 on the page; the red text shade reads at AA in both schemes.
        styles={{ error: { color: 'var(--mantine-color-red-text)' }, input: size === 'lg' ? { fontWeight: 700 } : undefined }}
        onChange={(e) => { setDraft(e.currentTarget.value); setError(null); }}
        onBlur={() => void save(false)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            void save(true);
          } else if (e.key === 'Escape') {
            // Escape here belongs to the field: nothing around it (a dialog, a panel) should close too.
            e.preventDefault();
            e.stopPropagation();
            close(true);
          }
        }}
      />
    );
  }
  return (
    <Group gap={6} wrap="nowrap" align="center">
      {children}
      <ActionIcon
        ref={editButton} variant="subtle" color="gray" size="sm" aria-label={`Edit the ${noun}`}
        onClick={() => setDraft(value)} data-testid={`${testId}-edit`}
      >
        <IconPencil size={14} />
      </ActionIcon>
    </Group>
  );
}

export function AchMatrixHeading({ title, question, onSave }: AchMatrixHeadingProps) {
  return (
    <>
      <InlineField value={title} noun="title" required maxLength={500} testId="ach-title" size="lg" onSave={(t) => onSave({ title: t })}>
        <Title order={2} data-testid="ach-title">{title}</Title>
      </InlineField>
      <InlineField value={question} noun="question" required={false} maxLength={2000} testId="ach-question" size="sm" onSave={(q) => onSave({ question: q })}>
        {question
          ? <Text size="sm" c="dimmed" data-testid="ach-question">{question}</Text>
          : <Text size="sm" c="dimmed" fs="italic" data-testid="ach-question" data-empty>No question yet</Text>}
      </InlineField>
    </>
  );
}
