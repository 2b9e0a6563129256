/** Icons of the web-capture screens, drawn like the app's others (common/Icons makeIcon). */
import { makeIcon } from '../../common/Icons/Icons';

export const IconWorld = makeIcon('IconWorld', [
  'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M3.6 9h16.8', 'M3.6 15h16.8', 'M12 3a14 14 0 0 1 0 18', 'M12 3a14 14 0 0 0 0 18',
]);
export const IconLink = makeIcon('IconLink', ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1']);
export const IconRefresh = makeIcon('IconRefresh', ['M20 11a8 8 0 0 0-14.8-4', 'M4 4v4h4', 'M4 13a8 8 0 0 0 14.8 4', 'M20 20v-4h-4']);
export const IconShieldOk = makeIcon('IconShieldOk', ['M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z', 'M8.5 12l2.5 2.5 4.5-5']);
export const IconDownload = makeIcon('IconDownload', ['M12 4v12', 'M7 11l5 5 5-5', 'M5 20h14']);
export const IconPlug = makeIcon('IconPlug', ['M9 3v5', 'M15 3v5', 'M6 8h12v3a6 6 0 0 1-12 0z', 'M12 17v4']);
