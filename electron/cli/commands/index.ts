/** Every CLI command by name; each group lives in its own module with its usage lines. */
import type { Command } from './common';
import { coreCommands, CORE_USAGE } from './core';
import { analysisCommands, ANALYSIS_USAGE } from './analysis';

export const commands: Record<string, Command> = { ...coreCommands, ...analysisCommands };
export const COMMAND_USAGE = [CORE_USAGE, ANALYSIS_USAGE].filter(Boolean).join('\n');
