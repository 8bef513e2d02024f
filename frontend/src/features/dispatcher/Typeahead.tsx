import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Suggestion } from '../../lib/types';
import { useSuggest } from './api';

/** A labelled combobox that suggests engineers, skills and systems as you type (WAI-ARIA combobox pattern). */
export function Typeahead({ label, value, onChange, onPick, error }: { label: string; value: string; onChange: (v: string) => void; onPick: (s: Suggestion) => void; error?: string }) {
  const id = useId();
  const [debounced, setDebounced] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), 150);
    return () => clearTimeout(t);
  }, [value]);
  const suggest = useSuggest(open ? debounced : '');
  const items = debounced.trim().length >= 2 ? (suggest.data ?? []) : [];
  const shown = open && items.length > 0;

  const pick = (s: Suggestion) => {
    setOpen(false);
    setActive(-1);
    onPick(s);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, -1));
    } else if (e.key === 'Enter' && shown && active >= 0) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };
  return (
    <div className={`field typeahead${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      <ul id={`${id}-list`} role="listbox" className="suggestions" hidden={!shown} aria-label="Suggestions">
        {items.map((s, i) => (
          <li
            key={`${s.kind}-${s.id ?? s.text}`}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(s);
            }}
          >
            <span className={`kind kind-${s.kind.toLowerCase()}`}>{s.kind.toLowerCase()}</span> {s.text}
          </li>
        ))}
      </ul>
      {suggest.isError && open ? <div className="small muted">Suggestions unavailable: {(suggest.error as Error).message}</div> : null}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
