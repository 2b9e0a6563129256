/** Stroke icons for the ACH matrix and the co-occurrence table, drawn like Icons.tsx. */
import { makeIcon } from '../../common/Icons/Icons';

/** A matrix: a grid with a header row and column. */
export const IconMatrix = makeIcon('IconMatrix', ['M4 4h16v16H4z', 'M4 9h16', 'M9 4v16', 'M14.5 9v11', 'M9 14.5h11']);
/** Co-occurrence: two overlapping circles. */
export const IconOverlap = makeIcon('IconOverlap', ['M9 6a6 6 0 1 0 0 12 6 6 0 0 0 0-12z', 'M15 6a6 6 0 1 0 0 12 6 6 0 0 0 0-12z']);
export const IconDownload = makeIcon('IconDownload', ['M12 4v11', 'M7 10l5 5 5-5', 'M5 20h14']);
