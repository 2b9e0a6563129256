/** The navigation registry: one entry per screen. New screens add a route in route.ts, an entry here and a case below. */
import type { ComponentType } from 'react';
import type { Route, RouteName } from './route';
import { formatRoute } from './route';
import { IconLibrary, IconTag } from '../components/Icons/Icons';
import { LibraryScreen } from '../components/LibraryScreen/LibraryScreen';
import { ReaderScreen } from '../components/ReaderScreen/ReaderScreen';
import { TagsScreen } from '../components/TagsScreen/TagsScreen';

export interface NavItem {
  label: string;
  testId: string;
  icon: ComponentType<{ size?: number }>;
  href: string;
  /** Route names that light this item up (the reader belongs to the library). */
  activeFor: RouteName[];
}

export const NAV_ITEMS: NavItem[] = [
  { label: 'Library', testId: 'nav-library', icon: IconLibrary, href: formatRoute({ name: 'library' }), activeFor: ['library', 'reader'] },
  { label: 'Tags', testId: 'nav-tags', icon: IconTag, href: formatRoute({ name: 'tags', tagId: null }), activeFor: ['tags'] },
];

export function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'library':
      return <LibraryScreen />;
    case 'reader':
      // Keyed by source so a new source starts with fresh reader state.
      return <ReaderScreen key={route.sourceId} sourceId={route.sourceId} highlightId={route.highlightId} />;
    case 'tags':
      return <TagsScreen tagId={route.tagId} />;
  }
}
