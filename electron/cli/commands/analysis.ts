/** CLI commands for entities, claims and relationships. */
import type { Command } from './common';

/** Usage lines, in the format of CORE_USAGE in ./core.ts. */
export const ANALYSIS_USAGE = '';
export const analysisCommands: Record<string, Command> = {};
