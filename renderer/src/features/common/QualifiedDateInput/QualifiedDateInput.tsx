/** A text input for a partial date with an optional qualifier (<2019 before, >2024-03 after, ~2015 about), shown in words. */
import { TextInput } from '@mantine/core';
import { formatQualifiedDate } from '../../../../../shared/domain/partial-dates';
import { qualifiedDateError, storedDate } from './qualifiedDateField';

export interface QualifiedDateInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  optional?: boolean;
  testId?: string;
  w?: number;
}

export function QualifiedDateInput({ label, value, onChange, optional, testId, w }: QualifiedDateInputProps) {
  const error = value.trim() ? qualifiedDateError(value) : null;
  const reads = !error && value.trim() ? formatQualifiedDate(storedDate(value)) : '';
  return (
    <TextInput
      label={label} w={w} value={value} error={error}
      placeholder={optional ? 'Optional, e.g. 2024-03' : 'e.g. 2024-03-05, 2024-03, <2019'}
      // What the analyst typed, as it will be read: confirms "<2019" means "before 2019"; otherwise how to qualify.
      description={reads ? `Reads “${reads}”` : 'Prefix < before, > after, ~ about'}
      onChange={(e) => onChange(e.currentTarget.value)} onBlur={() => onChange(storedDate(value))}
      data-testid={testId}
    />
  );
}
