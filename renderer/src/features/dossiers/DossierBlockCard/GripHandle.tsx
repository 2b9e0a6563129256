/** A drag handle (six dots): the only draggable part of a card, so text inside stays selectable. */
import type { DragEvent } from 'react';
import classes from './DossierBlockCard.module.css';

export interface GripHandleProps {
  label: string;
  testId: string;
  draggable: true;
  onDragStart: (e: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

export function GripHandle({ label, testId, ...dragProps }: GripHandleProps) {
  return (
    <span className={classes.grip} title={label} aria-hidden="true" data-testid={testId} {...dragProps}>
      <svg width="10" height="16" viewBox="0 0 10 16" fill="currentColor">
        {[2, 8, 14].flatMap((y) => [<circle key={`a${y}`} cx="2.5" cy={y} r="1.4" />, <circle key={`b${y}`} cx="7.5" cy={y} r="1.4" />])}
      </svg>
    </span>
  );
}
