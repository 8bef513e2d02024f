import { useState, type FormEvent } from 'react';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError, toFieldErrors, unplacedErrors } from '../../lib/problem';
import { useSystems } from '../../lib/queries';
import { navigate, useLocation } from '../../lib/router';
import { SEVERITIES } from '../../lib/types';
import { useOpenIncident, type NewIncident } from './api';

const FIELDS = ['systemId', 'severity', 'title', 'description'];
const SEVERITY_TEXT: Record<string, string> = {
  SEV1: 'SEV1 — down, business stopped',
  SEV2: 'SEV2 — major function impaired',
  SEV3: 'SEV3 — minor problem',
  SEV4: 'SEV4 — question or request',
};

export function NewIncidentPage() {
  const { search } = useLocation();
  const systems = useSystems();
  const open = useOpenIncident();
  const [form, setForm] = useState<NewIncident>({ systemId: search.get('system') ?? '', severity: 'SEV3', title: '', description: '' });
  const set = (k: keyof NewIncident) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const problem = isApiError(open.error) ? open.error.problem : undefined;
  const fieldErrors = toFieldErrors(problem, FIELDS);
  const other = unplacedErrors(fieldErrors, FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate(form, { onSuccess: (i) => navigate(`/customer/incidents/${encodeURIComponent(i.id)}`) });
  };

  return (
    <section className="page narrow">
      <h1>Open an incident</h1>
      <form className="card form" onSubmit={submit} noValidate aria-describedby="open-hint">
        <p id="open-hint" className="muted">
          Routing starts as soon as you submit: the best-placed field engineer gets an offer.
        </p>
        {open.isError ? <ProblemAlert error={open.error} prefix="The incident was not opened" /> : null}
        {other.length ? (
          <ul className="alert alert-error">
            {other.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        ) : null}
        {systems.isError ? <ProblemAlert error={systems.error} prefix="Could not load your systems" /> : null}
        <SelectField
          label="System"
          name="systemId"
          value={form.systemId}
          onChange={set('systemId')}
          placeholder={systems.isPending ? 'Loading…' : 'Choose a system'}
          options={(systems.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.product}${s.version ? ' ' + s.version : ''})` }))}
          error={fieldErrors.systemId}
        />
        <SelectField
          label="Severity"
          name="severity"
          value={form.severity}
          onChange={set('severity')}
          options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_TEXT[s] }))}
          error={fieldErrors.severity}
        />
        <TextField label="Title" name="title" value={form.title} onChange={set('title')} maxLength={500} error={fieldErrors.title} />
        <TextArea label="Description" name="description" value={form.description} onChange={set('description')} rows={6} error={fieldErrors.description} hint="What happened, since when, what you already tried." />
        <div className="actions">
          <button className="btn btn-primary" type="submit" disabled={open.isPending}>
            {open.isPending ? 'Opening…' : 'Open incident'}
          </button>
        </div>
      </form>
    </section>
  );
}
