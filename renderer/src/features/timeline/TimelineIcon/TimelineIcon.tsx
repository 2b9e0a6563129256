/** The timeline's nav icon, drawn like Icons.tsx: an axis with two spans above it. */
import { makeIcon } from '../../common/Icons/Icons';

export const IconTimeline = makeIcon('IconTimeline', ['M3 19h18', 'M6 19v-2', 'M12 19v-2', 'M18 19v-2', 'M4 6h9', 'M9 11h11']);
