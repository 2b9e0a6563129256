/**
 * One cell of the matrix: its rating as a coloured button; the menu (mouse, or Enter and the arrow keys) sets or clears
 * it, and shows the row's passages. Typing a rating's letters on the focused cell (c, c c, n, i, i i) also sets it.
 */
import { Menu, UnstyledButton } from '@mantine/core';
import { useRef } from 'react';
import { ACH_RATINGS, type AchRating } from '../../../../../shared/domain/analysis/ach';
import { RATING_LABEL, RATING_STYLE } from '../achLabels';
import classes from './RatingCell.module.css';

export interface RatingCellProps {
  rating: AchRating | undefined;
  /** For the accessible name: "Evidence … against hypothesis …". */
  evidenceLabel: string;
  hypothesisLabel: string;
  onRate: (rating: AchRating | null) => void;
  onShowPassages: () => void;
}

/** Within this many ms a second "c" or "i" makes CC or II. */
const DOUBLE_KEY_MS = 600;

export function RatingCell({ rating, evidenceLabel, hypothesisLabel, onRate, onShowPassages }: RatingCellProps) {
  const style = RATING_STYLE[rating ?? 'none'];
  const lastKey = useRef<{ key: string; at: number } | null>(null);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const k = e.key.toLowerCase();
    if (k === 'backspace' || k === 'delete') return onRate(null);
    if (k !== 'c' && k !== 'n' && k !== 'i') return;
    e.preventDefault();
    const prev = lastKey.current;
    const double = prev && prev.key === k && e.timeStamp - prev.at < DOUBLE_KEY_MS && k !== 'n';
    lastKey.current = { key: k, at: e.timeStamp };
    onRate((double ? `${k}${k}` : k).toUpperCase() as AchRating);
  };
  return (
    // No initial-focus placeholder: Mantine's is a role="presentation" div with a tabindex inside role="menu", which
    // axe reports as a critical aria-required-children violation; focus goes to the first rating instead.
    <Menu position="bottom" withinPortal shadow="md" width={230} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          className={classes.cell} style={{ background: style.background, color: style.color }} onKeyDown={onKeyDown}
          aria-label={`${rating ? `${rating}, ${RATING_LABEL[rating]}` : 'Not rated'}: “${evidenceLabel.slice(0, 80)}” against “${hypothesisLabel}”. Change rating`}
          data-testid="ach-cell" data-rating={rating ?? ''}
        >
          {rating ?? '·'}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown data-testid="ach-rating-menu">
        {ACH_RATINGS.map((r) => (
          <Menu.Item
            key={r} onClick={() => onRate(r)} data-testid="ach-rate" data-rating={r}
            leftSection={<span className={classes.swatch} style={RATING_STYLE[r]}>{r}</span>}
            fw={r === rating ? 700 : undefined}
          >
            {RATING_LABEL[r]}
          </Menu.Item>
        ))}
        <Menu.Item onClick={() => onRate(null)} disabled={!rating} data-testid="ach-rate-clear">Clear rating</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={onShowPassages} data-testid="ach-cell-passages">Show passages</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
