/** The application frame: header (name, search, Data menu, undo/redo, colour scheme; the Ctrl+K palette, menu commands, file drops anywhere), left navigation, and the current screen. */
import { AppShell, Burger, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { Route } from '../../../routes/route';
import { NAV_ITEMS, type NavItem } from '../../../routes/screens';
import { useWorkspaceInfo } from '../../../api/hooks';
import { useTeamLiveUpdates } from '../../../api/teamHooks';
import { ColorSchemeToggle } from '../ColorSchemeToggle/ColorSchemeToggle';
import { ConnectionBanner } from '../ConnectionBanner/ConnectionBanner';
import { CommandPalette } from '../../search/CommandPalette/CommandPalette';
import { DataMenu } from '../DataMenu/DataMenu';
import { MenuCommands } from '../MenuCommands/MenuCommands';
import { HeaderSearch } from '../../search/HeaderSearch/HeaderSearch';
import { UndoRedoButtons } from '../UndoRedoButtons/UndoRedoButtons';
import { WindowFileDrop } from '../WindowFileDrop/WindowFileDrop';
import classes from './AppLayout.module.css';
import { plural } from '../lib/format';

export function AppLayout({ route, children }: { route: Route; children: ReactNode }) {
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const { data: workspace } = useWorkspaceInfo();
  useTeamLiveUpdates(workspace?.team === true);
  const navLink = (item: NavItem) => (
    <NavLink
      key={item.testId}
      component="a"
      href={item.href}
      label={item.label}
      leftSection={<item.icon size={18} />}
      active={item.activeFor.includes(route.name)}
      onClick={close}
      data-testid={item.testId}
    />
  );
  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={0}
    >
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} className={classes.brand}>Analyst Workbench</Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <HeaderSearch />
            <DataMenu />
            <UndoRedoButtons />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow>
          <Stack gap={2}>
            {NAV_ITEMS.filter((item) => !item.bottom).map(navLink)}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={2}>
            {NAV_ITEMS.filter((item) => item.bottom).map(navLink)}
          </Stack>
        </AppShell.Section>
        {workspace && (
          <AppShell.Section className={classes.workspace}>
            {/* truncate="start" sets direction: rtl, which would move a leading "/" to the end: keep the path itself LTR. */}
            <Text size="xs" c="dimmed" title={workspace.path} truncate="start" data-testid="workspace-path">
              <bdi dir="ltr">{workspace.path}</bdi>
            </Text>
            <Text size="xs" c="dimmed">
              {plural(workspace.counts.sources, 'source')} · {plural(workspace.counts.highlights, 'highlight')} · {plural(workspace.counts.tags, 'tag')}
            </Text>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <ConnectionBanner />
        {children}
        <WindowFileDrop onLibrary={route.name === 'library'} />
      </AppShell.Main>
      <CommandPalette />
      <MenuCommands />
    </AppShell>
  );
}
