/** Stroke icons for workspace upkeep (maintenance nav, backups, recovery), drawn like Icons.tsx: inline SVG, currentColor. */
import { makeIcon } from '../../common/Icons/Icons';

/** A shield with a tick: "the workspace is looked after". */
export const IconShieldCheck = makeIcon('IconShieldCheck', ['M12 3l7.5 3v5.5c0 4.6-3.2 8.3-7.5 9.5-4.3-1.2-7.5-4.9-7.5-9.5V6z', 'M8.8 12.2l2.3 2.3 4.4-4.6']);
export const IconArchive = makeIcon('IconArchive', ['M3.5 4.5h17v4h-17z', 'M5 8.5v11h14v-11', 'M10 12h4']);
export const IconRestore = makeIcon('IconRestore', ['M4 12a8 8 0 1 0 2.4-5.7L4 8.5', 'M4 4v4.5h4.5', 'M12 8v4l3 2']);
export const IconStethoscope = makeIcon('IconStethoscope', [
  'M6 3v6a4 4 0 0 0 8 0V3', 'M10 13v2.5a4.5 4.5 0 0 0 9 0V13', 'M19 9.5a1.75 1.75 0 1 0 0 3.5 1.75 1.75 0 0 0 0-3.5z',
]);
export const IconAlert = makeIcon('IconAlert', ['M12 3.5l9.5 16.5h-19z', 'M12 10v4.5', 'M12 17.5h.01']);
export const IconFolder = makeIcon('IconFolder', ['M3.5 6.5h6l2 2h9v10.5h-17z']);
