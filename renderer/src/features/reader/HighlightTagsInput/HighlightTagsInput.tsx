/** Tags of one highlight: pick existing tags or type a new name to create it (tags.create), then save (highlights.update). */
import { TagsInput } from '@mantine/core';
import { useMemo, useState, type Ref } from 'react';
import type { TagSummary } from '../../../../../shared/contract/views';
import { createTag, updateHighlight } from '../../../api/mutations';
import { tagLabel, resolveTagValues } from '../../common/lib/tagValues';

export interface HighlightTagsInputProps {
  highlightId: string;
  tagIds: string[];
  tags: TagSummary[];
  inputRef?: Ref<HTMLInputElement>;
}

export function HighlightTagsInput({ highlightId, tagIds, tags, inputRef }: HighlightTagsInputProps) {
  /** What the user just chose, shown until the saved highlight comes back (no flicker). */
  const [pending, setPending] = useState<string[] | null>(null);
  const byId = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const saved = useMemo(() => tagIds.flatMap((id) => {
    const tag = byId.get(id);
    return tag ? [tagLabel(tag)] : [];
  }), [tagIds, byId]);
  const options = useMemo(() => tags.map(tagLabel).sort((a, b) => a.localeCompare(b)), [tags]);

  const change = async (values: string[]) => {
    setPending(values);
    try {
      const { ids, toCreate } = resolveTagValues(values, tags);
      for (const name of toCreate) {
        const created = await createTag({ name, parentId: null });
        if (!created) return; // the failure is shown; the input falls back to the saved tags
        ids.push(created.id);
      }
      await updateHighlight({ id: highlightId, tagIds: ids });
    } finally {
      setPending(null);
    }
  };

  return (
    <TagsInput
      ref={inputRef}
      label="Tags"
      placeholder="Add a tag, Enter to create"
      data={options}
      value={pending ?? saved}
      onChange={(values) => void change(values)}
      clearable
      splitChars={[',']}
      comboboxProps={{ withinPortal: true }}
      data-testid="panel-tags"
    />
  );
}
