/** Every CLI command by name; each group lives in its own module with its usage lines. */
import type { Command } from './common';
import { coreCommands, CORE_USAGE } from './core';
import { analysisCommands, ANALYSIS_USAGE } from './analysis';
import { maintenanceCommands, MAINTENANCE_USAGE } from './maintenance';
import { dossierCommands, DOSSIER_USAGE } from './dossiers';
import { exchangeCommands, EXCHANGE_USAGE } from './exchange';
import { teamCommands, TEAM_USAGE } from './team';

export const commands: Record<string, Command> = { ...coreCommands, ...analysisCommands, ...maintenanceCommands, ...dossierCommands, ...exchangeCommands, ...teamCommands };
export const COMMAND_USAGE = [CORE_USAGE, ANALYSIS_USAGE, MAINTENANCE_USAGE, DOSSIER_USAGE, EXCHANGE_USAGE, TEAM_USAGE].filter(Boolean).join('\n');
