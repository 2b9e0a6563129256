/** One highlight in the side panel's list: its quote (three lines at most), or for an area of a PDF page its thumbnail; tags and note. */
import { Badge, Group, Image, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import type { AnchoredHighlight, TagSummary } from '../../../../../shared/contract/views';
import { areaLabel } from '../../../../../shared/dossier/pages';
import { useAreaImage } from '../../../api/pdfImageHooks';
import { HIGHLIGHT_SWATCH } from '../../common/lib/highlightColors';
import classes from './HighlightList.module.css';

type RowHighlight = AnchoredHighlight['highlight'];

/** An area highlight's row: the crop, small, and "Area on p. N" where the quote would be. */
function AreaRow({ highlight, area }: { highlight: RowHighlight; area: NonNullable<RowHighlight['area']> }) {
  const image = useAreaImage(highlight);
  const label = areaLabel(area);
  return (
    <Group gap={8} wrap="nowrap" align="center">
      {area.image && (
        <div className={classes.thumb} data-testid="highlight-area-thumb">
          {image.data && <Image src={image.data} alt={label} h={56} w="auto" fit="contain" />}
        </div>
      )}
      <Text size="sm" data-testid="highlight-area-label">{label}{!area.image && ' (no image)'}</Text>
    </Group>
  );
}

export interface HighlightListItemProps {
  highlight: AnchoredHighlight['highlight'];
  tagsById: ReadonlyMap<string, TagSummary>;
  onSelect: (id: string) => void;
}

function HighlightListItemImpl({ highlight, tagsById, onSelect }: HighlightListItemProps) {
  return (
    <UnstyledButton
      className={classes.item} onClick={() => onSelect(highlight.id)}
      style={{ borderLeftColor: HIGHLIGHT_SWATCH[highlight.color] }}
      data-testid="highlight-list-item" data-highlight-id={highlight.id}
    >
      {highlight.area ? <AreaRow highlight={highlight} area={highlight.area} /> : (
        <Text size="sm" lineClamp={3}>
          {highlight.quote.exact}
          {/* Made on a page: its page, discreetly, as a citation would give it. */}
          {highlight.pdf && <Text span size="xs" c="dimmed" ml={6} data-testid="highlight-page">p. {highlight.pdf.page}</Text>}
        </Text>
      )}
      {(highlight.tagIds.length > 0 || highlight.note) && (
        <Group gap={4} mt={4}>
          {highlight.tagIds.map((id) => {
            const tag = tagsById.get(id);
            return tag ? <Badge key={id} size="xs" variant="light" color={tag.color}>{tag.name}</Badge> : null;
          })}
          {highlight.note && <Text size="xs" c="dimmed" lineClamp={1}>✎ {highlight.note}</Text>}
        </Group>
      )}
    </UnstyledButton>
  );
}

/** Memoised: scrolling the virtual list re-renders the list, not the items that stay in view. */
export const HighlightListItem = memo(HighlightListItemImpl);
