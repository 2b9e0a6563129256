/** The screen layout the graph and the timeline share: filters on the left, the stage in the middle, a details panel on the right. */
import type { CSSProperties, ReactNode } from 'react';
import classes from './StageLayout.module.css';

export interface StageLayoutProps {
  testId: string;
  filters: ReactNode;
  filtersWidth?: number;
  /** What the stage holds: the canvas and whatever floats over it (toolbars, empty states, a table or list view). */
  children: ReactNode;
  onStageFocus?: () => void;
  /** The details of what is selected; null or absent, the stage takes the width. */
  panel?: ReactNode;
  /** Rendered after the layout (dialogs and drawers, which portal out anyway). */
  outside?: ReactNode;
}

export function StageLayout({ testId, filters, filtersWidth, children, onStageFocus, panel, outside }: StageLayoutProps) {
  const style = filtersWidth ? ({ '--stage-filters-width': `${filtersWidth}px` } as CSSProperties) : undefined;
  return (
    <div className={classes.root} data-testid={testId} style={style}>
      <div className={classes.filters}>{filters}</div>
      <div className={classes.stage} onFocus={onStageFocus}>{children}</div>
      {panel ? <div className={classes.panel}>{panel}</div> : null}
      {outside}
    </div>
  );
}
