/** The page view's toolbar: sidebar, go to page, zoom, the area tool and search within the document. */
import { ActionIcon, Button, Group, Menu, Text, TextInput, Tooltip } from '@mantine/core';
import { useEffect, useState, type RefObject } from 'react';
import { IconChevronDown, IconChevronUp, IconPlus, IconSearch } from '../../common/Icons/Icons';
import { IconArea, IconMinus, IconSidebar } from '../PdfIcons';
import { zoomLabel, type ZoomSetting } from '../lib/zoom';
import type { PdfSearch } from '../PdfView/usePdfSearch';
import classes from './PdfToolbar.module.css';

export interface PdfToolbarProps {
  pageCount: number;
  currentPage: number;
  goToPage(page: number): void;
  zoom: number;
  setZoom(s: ZoomSetting): void;
  zoomBy(step: 1 | -1): void;
  sidebarOpen: boolean;
  toggleSidebar(): void;
  areaMode: boolean;
  setAreaMode(on: boolean): void;
  search: PdfSearch;
  /** The search field, for Ctrl+F. */
  searchRef?: RefObject<HTMLInputElement | null>;
}

const PRESETS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

function GoTo({ pageCount, currentPage, goToPage }: Pick<PdfToolbarProps, 'pageCount' | 'currentPage' | 'goToPage'>) {
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [currentPage]);
  const go = () => {
    const n = Number(draft);
    if (draft !== null && Number.isInteger(n)) goToPage(Math.min(Math.max(n, 1), pageCount));
    setDraft(null);
  };
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        size="xs" w={56} aria-label="Page number" inputMode="numeric" value={draft ?? String(currentPage)}
        onChange={(e) => setDraft(e.currentTarget.value.replace(/\D/g, ''))}
        onKeyDown={(e) => { if (e.key === 'Enter') go(); if (e.key === 'Escape') setDraft(null); }}
        onBlur={() => setDraft(null)} onFocus={(e) => e.currentTarget.select()} data-testid="pdf-goto"
      />
      <Text size="xs" c="dimmed" className={classes.nowrap}>of {pageCount}</Text>
    </Group>
  );
}

function Search({ search, inputRef }: { search: PdfSearch; inputRef?: RefObject<HTMLInputElement | null> }) {
  const { query, hits, index } = search;
  const count = query.trim() === '' ? '' : hits.length === 0 ? 'No matches' : index < 0 ? `${hits.length} found` : `${index + 1} of ${hits.length}`;
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        ref={inputRef} size="xs" w={180} placeholder="Find in document" aria-label="Find in document" leftSection={<IconSearch size={14} />}
        value={query} onChange={(e) => search.setQuery(e.currentTarget.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); search.step(e.shiftKey ? -1 : 1); } }}
        data-testid="pdf-search"
      />
      <Text size="xs" c="dimmed" className={classes.count} data-testid="pdf-search-count" aria-live="polite">{count}</Text>
      <Tooltip label="Previous match (Shift+Enter)">
        <ActionIcon variant="subtle" color="gray" aria-label="Previous match" onClick={() => search.step(-1)} disabled={hits.length === 0} data-testid="pdf-search-prev">
          <IconChevronUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Next match (Enter)">
        <ActionIcon variant="subtle" color="gray" aria-label="Next match" onClick={() => search.step(1)} disabled={hits.length === 0} data-testid="pdf-search-next">
          <IconChevronDown size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export function PdfToolbar(props: PdfToolbarProps) {
  const { zoom, setZoom, zoomBy, areaMode, setAreaMode } = props;
  return (
    <Group className={classes.toolbar} gap="sm" wrap="nowrap" justify="space-between" data-testid="pdf-toolbar">
      <Group gap="sm" wrap="nowrap">
        <Tooltip label={props.sidebarOpen ? 'Hide pages' : 'Show pages'}>
          <ActionIcon variant={props.sidebarOpen ? 'light' : 'subtle'} color="gray" aria-label="Page list" aria-pressed={props.sidebarOpen} onClick={props.toggleSidebar} data-testid="pdf-sidebar-toggle">
            <IconSidebar size={16} />
          </ActionIcon>
        </Tooltip>
        <GoTo pageCount={props.pageCount} currentPage={props.currentPage} goToPage={props.goToPage} />
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Zoom out (Ctrl −)">
            <ActionIcon variant="subtle" color="gray" aria-label="Zoom out" onClick={() => zoomBy(-1)} data-testid="pdf-zoom-out"><IconMinus size={16} /></ActionIcon>
          </Tooltip>
          <Menu position="bottom" withinPortal>
            <Menu.Target>
              <Button variant="subtle" color="gray" size="compact-xs" w={58} aria-label={`Zoom ${zoomLabel(zoom)}`} data-testid="pdf-zoom-value">{zoomLabel(zoom)}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setZoom({ mode: 'fit' })} data-testid="pdf-zoom-fit">Fit width</Menu.Item>
              {PRESETS.map((z) => <Menu.Item key={z} onClick={() => setZoom({ mode: 'fixed', zoom: z })}>{zoomLabel(z)}</Menu.Item>)}
            </Menu.Dropdown>
          </Menu>
          <Tooltip label="Zoom in (Ctrl +)">
            <ActionIcon variant="subtle" color="gray" aria-label="Zoom in" onClick={() => zoomBy(1)} data-testid="pdf-zoom-in"><IconPlus size={16} /></ActionIcon>
          </Tooltip>
        </Group>
        <Tooltip label={areaMode ? 'Area tool on: drag on a page to highlight a figure or table' : 'Area tool: highlight a figure or table'}>
          <ActionIcon
            variant={areaMode ? 'filled' : 'subtle'} color={areaMode ? 'blue' : 'gray'} aria-label="Area tool" aria-pressed={areaMode}
            onClick={() => setAreaMode(!areaMode)} data-testid="pdf-area-tool" data-active={areaMode || undefined}
          >
            <IconArea size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Search search={props.search} inputRef={props.searchRef} />
    </Group>
  );
}
