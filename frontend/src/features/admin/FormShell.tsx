import { useState, type FormEvent, type ReactNode } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError, toFieldErrors, unplacedErrors, type FieldErrors } from '../../lib/problem';

/** Field errors from a failed create, for the form's fields. */
export function errorsFor(error: unknown, fields: string[]): FieldErrors {
  return toFieldErrors(isApiError(error) ? error.problem : undefined, fields);
}

export function FormShell({
  title,
  error,
  fields,
  busy,
  done,
  submitLabel,
  onSubmit,
  children,
}: {
  title: string;
  error: unknown;
  fields: string[];
  busy: boolean;
  done?: string;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const other = unplacedErrors(errorsFor(error, fields), fields);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ProblemAlert error={error} prefix="Not saved" />
      {other.length ? (
        <ul className="alert alert-error">
          {other.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      ) : null}
      {done ? (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      ) : null}
      {children}
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A form's values, a change handler per field, and a setter to reset them after a save. */
export function useFields<T extends Record<string, string>>(blank: T) {
  const [values, setValues] = useState(blank);
  const set = (key: keyof T) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  return [values, set, setValues] as const;
}

/** The header row of an admin list. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
