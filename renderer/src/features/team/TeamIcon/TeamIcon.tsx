/** The Team nav icon: two people side by side, drawn like Icons.tsx (inline SVG, currentColor). */
import { makeIcon } from '../../common/Icons/Icons';

export const IconTeam = makeIcon('IconTeam', [
  'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z', 'M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6',
  'M16 4.3a3.5 3.5 0 0 1 0 6.4', 'M18 14.4c2.1.7 3.5 2.8 3.5 5.6',
]);
