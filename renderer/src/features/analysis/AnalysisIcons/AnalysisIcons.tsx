/** Stroke icons for the analysis screens (entity types, claims, graph), drawn like Icons.tsx: inline SVG, currentColor. */
import { makeIcon, type IconProps } from '../../common/Icons/Icons';
import type { EntityType } from '../../../../../shared/domain/types';


const IconPerson = makeIcon('IconPerson', ['M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8z', 'M4.5 20a7.5 7.5 0 0 1 15 0']);
const IconBuilding = makeIcon('IconBuilding', ['M4 20h16', 'M6 20V5h8v15', 'M14 10h4v10', 'M9 8h2', 'M9 12h2', 'M9 16h2']);
const IconPin = makeIcon('IconPin', ['M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z', 'M12 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z']);
const IconCalendar = makeIcon('IconCalendar', ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v5', 'M16 3v5']);
const IconShapes = makeIcon('IconShapes', ['M7 3.5l4 7H3z', 'M17 13.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z', 'M13.5 4h7v7h-7z', 'M3.5 14h7v7h-7z']);
export const IconUsers = makeIcon('IconUsers', ['M9 5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z', 'M2.5 20a6.5 6.5 0 0 1 13 0', 'M16 5.3a3.5 3.5 0 0 1 0 6.4', 'M18 14.5a6.5 6.5 0 0 1 3.5 5.5']);
export const IconClaim = makeIcon('IconClaim', ['M4 5h16v11H9l-5 4z', 'M8 9h8', 'M8 12.5h5']);
export const IconGraph = makeIcon('IconGraph', [
  'M6 4.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z', 'M18 4.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z', 'M12 15.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  'M8 6.5h8', 'M7 8.3l4 7.5', 'M17 8.3l-4 7.5',
]);
export const IconLink = makeIcon('IconLink', ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1']);
export const IconSparkles = makeIcon('IconSparkles', ['M10 3l1.8 5.2L17 10l-5.2 1.8L10 17l-1.8-5.2L3 10l5.2-1.8z', 'M18 14l.9 2.1L21 17l-2.1.9L18 20l-.9-2.1L15 17l2.1-.9z']);
export const IconArrowRight = makeIcon('IconArrowRight', ['M4 12h15', 'M14 7l5 5-5 5']);
export const IconSwap = makeIcon('IconSwap', ['M7 4L3 8l4 4', 'M3 8h14', 'M17 12l4 4-4 4', 'M21 16H7']);
export const IconExternal = makeIcon('IconExternal', ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v6H4V6h6']);
export const IconRefresh = makeIcon('IconRefresh', ['M20 11a8 8 0 0 0-14.6-4.5L4 8', 'M4 4v4h4', 'M4 13a8 8 0 0 0 14.6 4.5L20 16', 'M20 20v-4h-4']);
export const IconFocus = makeIcon('IconFocus', ['M4 8V4h4', 'M16 4h4v4', 'M20 16v4h-4', 'M8 20H4v-4', 'M12 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4z']);
export const IconX = makeIcon('IconX', ['M6 6l12 12', 'M18 6L6 18']);
export const IconCheck = makeIcon('IconCheck', ['M5 12.5l4.5 4.5L19 7.5']);

const BY_TYPE = { person: IconPerson, organisation: IconBuilding, place: IconPin, event: IconCalendar, other: IconShapes };

export function EntityTypeIcon({ type, ...rest }: IconProps & { type: EntityType }) {
  const Icon = BY_TYPE[type];
  return <Icon {...rest} />;
}
