/** Icons of the page view's toolbar, drawn like the app's other icons. */
import { makeIcon } from '../common/Icons/Icons';

export const IconMinus = makeIcon('IconMinus', ['M5 12h14']);
export const IconSidebar = makeIcon('IconSidebar', ['M4 5h16v14H4z', 'M9 5v14']);
export const IconArea = makeIcon('IconArea', ['M4 8V4h4', 'M16 4h4v4', 'M20 16v4h-4', 'M8 20H4v-4', 'M9 9h6v6H9z']);
export const IconPages = makeIcon('IconPages', ['M7 3h10v14H7z', 'M4 6v15h11']);
