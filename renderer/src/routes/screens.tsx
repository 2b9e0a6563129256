/** The navigation registry: one entry per screen. New screens add a route in route.ts, an entry here and a case below. */
import { lazy, Suspense, type ComponentType } from 'react';
import { Loader } from '@mantine/core';
import type { Route, RouteName } from './route';
import { formatRoute } from './route';
import { IconClaim, IconGraph, IconUsers } from '../features/analysis/AnalysisIcons/AnalysisIcons';
import { IconLibrary, IconNote, IconTag } from '../features/common/Icons/Icons';
import { IconMatrix, IconOverlap } from '../features/ach/AchIcons/AchIcons';
import { IconTimeline } from '../features/timeline/TimelineIcon/TimelineIcon';
import { IconTeam } from '../features/team/TeamIcon/TeamIcon';
import { LibraryScreen } from '../features/library/LibraryScreen/LibraryScreen';
import { IconShieldCheck } from '../features/maintenance/MaintenanceIcons/MaintenanceIcons';
import { ReaderScreen } from '../features/reader/ReaderScreen/ReaderScreen';

/**
 * The library and the reader are where the app opens, so they come with the first script; every other screen is
 * its own chunk, fetched on first visit (the graph brings Cytoscape, 0.9 MB). A cold reader load then parses only
 * what it shows (issue 14).
 */
const AchScreen = lazy(() => import('../features/ach/AchScreen/AchScreen').then((m) => ({ default: m.AchScreen })));
const TimelineScreen = lazy(() => import('../features/timeline/TimelineScreen/TimelineScreen').then((m) => ({ default: m.TimelineScreen })));
const CooccurrenceScreen = lazy(() => import('../features/cooccurrence/CooccurrenceScreen/CooccurrenceScreen').then((m) => ({ default: m.CooccurrenceScreen })));
const ClaimsScreen = lazy(() => import('../features/analysis/ClaimsScreen/ClaimsScreen').then((m) => ({ default: m.ClaimsScreen })));
const EntitiesScreen = lazy(() => import('../features/entities/EntitiesScreen/EntitiesScreen').then((m) => ({ default: m.EntitiesScreen })));
const EntityPage = lazy(() => import('../features/entities/EntityPage/EntityPage').then((m) => ({ default: m.EntityPage })));
const DossierBuilder = lazy(() => import('../features/dossiers/DossierBuilder/DossierBuilder').then((m) => ({ default: m.DossierBuilder })));
const DossiersScreen = lazy(() => import('../features/dossiers/DossiersScreen/DossiersScreen').then((m) => ({ default: m.DossiersScreen })));
const GraphScreen = lazy(() => import('../features/graph/GraphScreen/GraphScreen').then((m) => ({ default: m.GraphScreen })));
const MaintenanceScreen = lazy(() => import('../features/maintenance/MaintenanceScreen/MaintenanceScreen').then((m) => ({ default: m.MaintenanceScreen })));
const SearchResultsScreen = lazy(() => import('../features/search/SearchResultsScreen/SearchResultsScreen').then((m) => ({ default: m.SearchResultsScreen })));
const TeamScreen = lazy(() => import('../features/team/TeamScreen/TeamScreen').then((m) => ({ default: m.TeamScreen })));
const TagsScreen = lazy(() => import('../features/tags/TagsScreen/TagsScreen').then((m) => ({ default: m.TagsScreen })));

export interface NavItem {
  label: string;
  testId: string;
  icon: ComponentType<{ size?: number }>;
  href: string;
  /** Route names that light this item up (the reader belongs to the library). */
  activeFor: RouteName[];
  /** Shown at the bottom of the navbar, apart from the analysis screens (upkeep). */
  bottom?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { label: 'Library', testId: 'nav-library', icon: IconLibrary, href: formatRoute({ name: 'library' }), activeFor: ['library', 'reader'] },
  { label: 'Tags', testId: 'nav-tags', icon: IconTag, href: formatRoute({ name: 'tags', tagId: null }), activeFor: ['tags'] },
  { label: 'Entities', testId: 'nav-entities', icon: IconUsers, href: formatRoute({ name: 'entities' }), activeFor: ['entities', 'entity'] },
  { label: 'Claims', testId: 'nav-claims', icon: IconClaim, href: formatRoute({ name: 'claims', claimId: null }), activeFor: ['claims'] },
  { label: 'Graph', testId: 'nav-graph', icon: IconGraph, href: formatRoute({ name: 'graph' }), activeFor: ['graph'] },
  { label: 'Timeline', testId: 'nav-timeline', icon: IconTimeline, href: formatRoute({ name: 'timeline' }), activeFor: ['timeline'] },
  { label: 'Hypotheses', testId: 'nav-ach', icon: IconMatrix, href: formatRoute({ name: 'ach', matrixId: null }), activeFor: ['ach'] },
  { label: 'Co-occurrence', testId: 'nav-cooccurrence', icon: IconOverlap, href: formatRoute({ name: 'cooccurrence' }), activeFor: ['cooccurrence'] },
  { label: 'Dossiers', testId: 'nav-dossiers', icon: IconNote, href: formatRoute({ name: 'dossiers' }), activeFor: ['dossiers', 'dossier'] },
  { label: 'Team', testId: 'nav-team', icon: IconTeam, href: formatRoute({ name: 'team' }), activeFor: ['team'], bottom: true },
  { label: 'Maintenance', testId: 'nav-maintenance', icon: IconShieldCheck, href: formatRoute({ name: 'maintenance' }), activeFor: ['maintenance'], bottom: true },
];

export function Screen({ route }: { route: Route }) {
  // One boundary for all screens: a lazy screen shows a loader while its chunk arrives (only on its first visit).
  return <Suspense fallback={<Loader m="xl" />}><ScreenFor route={route} /></Suspense>;
}

function ScreenFor({ route }: { route: Route }) {
  switch (route.name) {
    case 'library':
      return <LibraryScreen />;
    case 'reader':
      // Keyed by source so a new source starts with fresh reader state.
      return <ReaderScreen key={route.sourceId} sourceId={route.sourceId} highlightId={route.highlightId} range={route.range} />;
    case 'tags':
      return <TagsScreen tagId={route.tagId} />;
    case 'entities':
      return <EntitiesScreen />;
    case 'entity':
      return <EntityPage key={route.entityId} entityId={route.entityId} />;
    case 'claims':
      return <ClaimsScreen claimId={route.claimId} />;
    case 'graph':
      return <GraphScreen />;
    case 'ach':
      return <AchScreen key={route.matrixId ?? ''} matrixId={route.matrixId} />;
    case 'cooccurrence':
      return <CooccurrenceScreen />;
    case 'timeline':
      return <TimelineScreen />;
    case 'dossiers':
      return <DossiersScreen />;
    case 'dossier':
      return <DossierBuilder key={route.dossierId} dossierId={route.dossierId} />;
    case 'search':
      return <SearchResultsScreen q={route.q} filters={route.filters} />;
    case 'team':
      return <TeamScreen />;
    case 'maintenance':
      return <MaintenanceScreen />;
  }
}
