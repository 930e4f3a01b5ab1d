'use client';
import { useEffect, useId, useState } from 'react';
import { isIsoDate } from '@/lib/iso-date';

interface Props {
  name: string;
  value: string | null;
  /** Called with a valid date, or null when the field is emptied; never with a half-typed one. */
  onChange: (value: string | null) => void;
  label: string;
}

/**
 * A date field that reads and writes ISO dates (2025-11-20) whatever the browser's locale: a browser's
 * own date input shows mm/dd/yyyy or dd.mm.yyyy by locale. What is typed is kept while it is incomplete;
 * a finished but impossible date gets a message naming the expected form.
 */
export function IsoDateInput({ name, value, onChange, label }: Props) {
  const [draft, setDraft] = useState(value ?? '');
  const hintId = useId();
  useEffect(
    function followValue() {
      setDraft(value ?? '');
    },
    [value],
  );
  const invalid = draft.trim() !== '' && !isIsoDate(draft.trim());
  const finished = draft.trim().length >= 10;
  return (
    <label className="iso-date">
      {label}{' '}
      <input
        type="text"
        name={name}
        value={draft}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        pattern="\d{4}-\d{2}-\d{2}"
        maxLength={10}
        size={10}
        autoComplete="off"
        aria-invalid={invalid && finished ? true : undefined}
        aria-describedby={invalid && finished ? hintId : undefined}
        title="A date as YYYY-MM-DD, e.g. 2025-11-20"
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const trimmed = text.trim();
          e.target.setCustomValidity(trimmed === '' || isIsoDate(trimmed) ? '' : `${label}: enter a date as YYYY-MM-DD, e.g. 2025-11-20`);
          if (trimmed === '') onChange(null);
          else if (isIsoDate(trimmed)) onChange(trimmed);
        }}
      />
      {invalid && finished && (
        <span id={hintId} className="field-error" role="alert">
          not a date: use YYYY-MM-DD
        </span>
      )}
    </label>
  );
}
