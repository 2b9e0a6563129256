/** A SHA-256 shown whole in monospace (it is evidence: never shortened) with a copy button. */
import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { copyText } from '../../common/lib/copyText';
import { IconClipboard } from '../../common/Icons/Icons';
import classes from './CaptureProvenance.module.css';

export function HashValue({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (await copyText(value)) {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    }
  };
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Text size="xs" ff="monospace" className={classes.hash} data-testid={testId}>{value}</Text>
      <Tooltip label={copied ? 'Copied' : `Copy ${label}`}>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Copy ${label}`} onClick={() => void copy()}>
          <IconClipboard size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
