/** Small stroke icons drawn inline (no icon package is installed; they inherit currentColor). */
import type { SVGProps } from 'react';

export type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** One drawing style for every icon of the app (also used by AnalysisIcons and MaintenanceIcons). */
export function makeIcon(name: string, paths: string[]) {
  function Icon({ size = 18, ...rest }: IconProps) {
    return (
      <svg
        width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
        strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" {...rest}
      >
        {paths.map((d) => <path key={d} d={d} />)}
      </svg>
    );
  }
  Icon.displayName = name;
  return Icon;
}

export const IconLibrary = makeIcon('IconLibrary', ['M5 4h4v16H5z', 'M11 4h4v16h-4z', 'M17 5l3 .8-3.2 14.6-3-.8']);
export const IconTag = makeIcon('IconTag', ['M3 11.5V4h7.5l10 10-7.5 7.5z', 'M7.5 8h.01']);
export const IconUndo = makeIcon('IconUndo', ['M9 14L4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11']);
export const IconRedo = makeIcon('IconRedo', ['M15 14l5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13']);
export const IconSun = makeIcon('IconSun', [
  'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z', 'M12 2v2', 'M12 20v2', 'M4.9 4.9l1.4 1.4', 'M17.7 17.7l1.4 1.4',
  'M2 12h2', 'M20 12h2', 'M4.9 19.1l1.4-1.4', 'M17.7 6.3l1.4-1.4',
]);
export const IconMoon = makeIcon('IconMoon', ['M20 14.5A8.5 8.5 0 1 1 9.5 4a7 7 0 0 0 10.5 10.5z']);
export const IconTrash = makeIcon('IconTrash', ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3']);
export const IconUpload = makeIcon('IconUpload', ['M12 16V4', 'M7 9l5-5 5 5', 'M5 20h14']);
export const IconClipboard = makeIcon('IconClipboard', ['M9 4h6v3H9z', 'M9 5H6v16h12V5h-3', 'M9 12h6', 'M9 16h4']);
export const IconPencil = makeIcon('IconPencil', ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4']);
export const IconNote = makeIcon('IconNote', ['M5 4h14v16H5z', 'M9 9h6', 'M9 13h6', 'M9 17h3']);
export const IconChevronUp = makeIcon('IconChevronUp', ['M6 15l6-6 6 6']);
export const IconChevronDown = makeIcon('IconChevronDown', ['M6 9l6 6 6-6']);
export const IconSelector = makeIcon('IconSelector', ['M8 9l4-4 4 4', 'M8 15l4 4 4-4']);
export const IconPlus = makeIcon('IconPlus', ['M12 5v14', 'M5 12h14']);
export const IconMerge = makeIcon('IconMerge', ['M6 4v5a5 5 0 0 0 5 5h7', 'M15 11l3 3-3 3', 'M6 20v-6']);
export const IconBack = makeIcon('IconBack', ['M15 6l-6 6 6 6']);
export const IconSearch = makeIcon('IconSearch', ['M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z', 'M20 20l-4.8-4.8']);
export const IconAlert = makeIcon('IconAlert', ['M12 4L2.5 20h19z', 'M12 10v4', 'M12 17h.01']);
