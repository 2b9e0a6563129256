/** The tags screen: the tag tree on the left, the selected tag and its highlights on the right. */
import { Alert, Button, Group, Loader, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTags } from '../../../api/hooks';
import { navigate } from '../../../routes/useRoute';
import { IconPlus } from '../../common/Icons/Icons';
import { TagDetails } from '../TagDetails/TagDetails';
import { TagFormModal } from '../TagFormModal/TagFormModal';
import { TagTree } from '../TagTree/TagTree';
import classes from './TagsScreen.module.css';

export function TagsScreen({ tagId }: { tagId: string | null }) {
  const { data: tags, error, loading } = useTags();
  const [createOpen, setCreateOpen] = useState(false);
  const select = (id: string | null) => navigate({ name: 'tags', tagId: id });
  const selected = tagId ? tags?.find((t) => t.id === tagId) : undefined;

  return (
    <div className={classes.root}>
      <section className={classes.treePane}>
        <Group justify="space-between" mb="sm">
          <Title order={2}>Tags</Title>
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreateOpen(true)} data-testid="tag-create">New tag</Button>
        </Group>
        {error && !tags && <Alert color="red" title="The tags could not be loaded">{error.message}</Alert>}
        {loading && !tags && <Loader size="sm" />}
        {tags && tags.length === 0 && <Text size="sm" c="dimmed">No tags yet. Create one here, or type a new tag on a highlight.</Text>}
        {tags && <TagTree tags={tags} selectedId={tagId} onSelect={select} />}
      </section>
      <section className={classes.detailPane}>
        {selected && tags ? (
          <TagDetails tag={selected} tags={tags} onSelect={select} />
        ) : (
          <Text c="dimmed" size="sm" mt="xl">
            {tagId && tags ? 'This tag no longer exists.' : 'Select a tag to see every highlight that carries it.'}
          </Text>
        )}
      </section>
      <TagFormModal
        opened={createOpen} tags={tags ?? []} parentId={selected?.id ?? null}
        onClose={() => setCreateOpen(false)} onCreated={(id) => select(id)}
      />
    </div>
  );
}
