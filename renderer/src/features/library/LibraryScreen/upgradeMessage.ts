/** What re-importing a PDF did to its older text-only source, in one sentence for the import notification. */
export function upgradeMessage(title: string, carried: number, orphaned: number): string {
  const highlights = `${carried} highlight${carried === 1 ? '' : 's'} carried`;
  const orphans = orphaned > 0 ? `${orphaned} orphaned (listed in the reader’s side panel)` : '0 orphaned';
  return `Gave “${title || 'Untitled'}” its pages; ${highlights}, ${orphans}.`;
}
