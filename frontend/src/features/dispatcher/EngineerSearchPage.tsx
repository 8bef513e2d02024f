import { useState, type FormEvent } from 'react';
import { PresenceBadge } from '../../components/Badges';
import { SelectField, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/problem';
import { useSystemNames, useSystems } from '../../lib/queries';
import { Link, navigate, useLocation } from '../../lib/router';
import { fmtNum } from '../../lib/time';
import { ENGINEER_STATUSES, type SearchHit, type SearchResult, type Suggestion } from '../../lib/types';
import { useEngineerSearch, type SearchParams } from './api';
import { EngineerSkills } from './EngineerSkills';
import { checkNear, safeHighlight } from './highlight';
import { Typeahead } from './Typeahead';

const KEYS = ['q', 'skill', 'system', 'status', 'near'] as const;

function toUrl(p: SearchParams): string {
  const q = new URLSearchParams();
  for (const k of [...KEYS, 'offset'] as const) {
    const v = p[k];
    if (v !== undefined && v !== '' && v !== 0) q.set(k, String(v));
  }
  const s = q.toString();
  return `/dispatch/engineers${s ? `?${s}` : ''}`;
}

function fromUrl(search: URLSearchParams): SearchParams {
  const p: SearchParams = {};
  for (const k of KEYS) {
    const v = search.get(k);
    if (v) p[k] = v;
  }
  const off = Number(search.get('offset'));
  if (off > 0) p.offset = off;
  return p;
}

function Facets({ result, params, systemNames }: { result: SearchResult; params: SearchParams; systemNames: Record<string, string> }) {
  const groups: { key: 'skill' | 'status' | 'system'; title: string; values?: Record<string, number>; label?: (v: string) => string }[] = [
    { key: 'status', title: 'Status', values: result.facets?.status },
    { key: 'skill', title: 'Skills', values: result.facets?.skills },
    { key: 'system', title: 'Systems', values: result.facets?.systems, label: (v) => systemNames[v] ?? v },
  ];
  return (
    <aside className="facets" aria-label="Refine results">
      {groups.map((g) => {
        const entries = Object.entries(g.values ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
        if (entries.length === 0) return null;
        return (
          <section key={g.key}>
            <h3>{g.title}</h3>
            <ul>
              {entries.map(([v, n]) => {
                const on = params[g.key] === v;
                return (
                  <li key={v}>
                    <button type="button" className={`facet${on ? ' on' : ''}`} aria-pressed={on} onClick={() => navigate(toUrl({ ...params, [g.key]: on ? undefined : v, offset: 0 }))}>
                      {g.label ? g.label(v) : v} <span className="muted">{n}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

function Hit({ hit, systemNames }: { hit: SearchHit; systemNames: Record<string, string> }) {
  const e = hit.engineer;
  return (
    <li className="card hit" data-engineer-id={e.id}>
      <div className="hit-head">
        <h3>
          <Link href={`/dispatch/engineers/${encodeURIComponent(e.id)}`}>{e.name}</Link>
        </h3>
        <PresenceBadge status={e.status} />
        <span className="small muted">score {fmtNum(hit.score)}</span>
      </div>
      <p className="small muted">
        {e.id}
        {e.email ? ` · ${e.email}` : ''} · {e.activeIncidents ?? 0}/{e.maxActive ?? '?'} active
        {e.timeZone ? ` · ${e.timeZone}` : ''}
      </p>
      <EngineerSkills engineer={e} systemNames={systemNames} />
      {hit.highlights && Object.keys(hit.highlights).length ? (
        <dl className="highlights">
          {Object.entries(hit.highlights).map(([field, frags]) => (
            <div key={field}>
              <dt>{field}</dt>
              {frags.map((f, i) => (
                <dd key={i} dangerouslySetInnerHTML={{ __html: safeHighlight(f) }} />
              ))}
            </div>
          ))}
        </dl>
      ) : null}
      {hit.reasons?.length ? (
        <ul className="reasons" aria-label="Why this engineer">
          {hit.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function SearchForm({ params }: { params: SearchParams }) {
  const systems = useSystems();
  const [form, setForm] = useState<SearchParams>(params);
  const [nearError, setNearError] = useState<string>();
  const set = (k: keyof SearchParams) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e?: FormEvent, override?: SearchParams) => {
    e?.preventDefault();
    const next = { ...form, ...override, offset: 0 };
    const err = checkNear(next.near ?? '');
    setNearError(err);
    if (err) return;
    navigate(toUrl(next));
  };
  const onPick = (s: Suggestion) => {
    if (s.kind === 'SKILL') {
      setForm((f) => ({ ...f, q: '', skill: s.text }));
      submit(undefined, { q: '', skill: s.text });
    } else if (s.kind === 'SYSTEM') {
      setForm((f) => ({ ...f, q: '', system: s.id ?? s.text }));
      submit(undefined, { q: '', system: s.id ?? s.text });
    } else {
      setForm((f) => ({ ...f, q: s.text }));
      submit(undefined, { q: s.text });
    }
  };
  return (
    <form className="card search-form" onSubmit={submit} role="search" noValidate>
      <Typeahead label="Search engineers" value={form.q ?? ''} onChange={(v) => setForm((f) => ({ ...f, q: v }))} onPick={onPick} />
      <div className="filters">
        <TextField label="Skill" value={form.skill ?? ''} onChange={set('skill')} />
        <SelectField
          label="System"
          value={form.system ?? ''}
          onChange={set('system')}
          placeholder="Any system"
          options={[...(systems.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` })), ...(form.system && !systems.data?.some((s) => s.id === form.system) ? [{ value: form.system, label: form.system }] : [])]}
        />
        <SelectField label="Status" value={form.status ?? ''} onChange={set('status')} placeholder="Any status" options={ENGINEER_STATUSES.map((s) => ({ value: s, label: s.replace('_', ' ') }))} />
        <TextField label="Near (lat,lon)" value={form.near ?? ''} onChange={set('near')} placeholder="52.37,4.89" error={nearError} inputMode="decimal" />
      </div>
      <div className="actions">
        <button className="btn btn-primary" type="submit">
          Search
        </button>
        <button
          className="btn btn-quiet"
          type="button"
          onClick={() => {
            setForm({});
            navigate(toUrl({}));
          }}
        >
          Clear
        </button>
      </div>
      {systems.isError ? <ProblemAlert error={systems.error} prefix="Could not load systems" /> : null}
    </form>
  );
}

export function EngineerSearchPage() {
  const { search } = useLocation();
  const params = fromUrl(search);
  const result = useEngineerSearch(params);
  const names = useSystemNames();
  const key = toUrl({ ...params, offset: 0 });
  const offset = params.offset ?? 0;
  return (
    <section className="page wide">
      <h1>Find engineers</h1>
      <SearchForm key={key} params={params} />
      {result.isError ? (
        <div className="alert alert-error" role="alert">
          <strong>{isApiError(result.error) && result.error.status === 400 ? 'The search could not be run' : 'Search failed'}</strong>
          <div>{isApiError(result.error) ? (result.error.problem.detail ?? result.error.problem.title) : String(result.error)}</div>
        </div>
      ) : null}
      {result.data ? (
        <div className={`search-results${result.isFetching ? ' stale' : ''}`}>
          <Facets result={result.data} params={params} systemNames={names} />
          <div>
            <p className="muted" role="status">
              {result.data.total} engineer{result.data.total === 1 ? '' : 's'} found
            </p>
            <ul className="hits">
              {result.data.hits.map((h) => (
                <Hit key={h.engineer.id} hit={h} systemNames={names} />
              ))}
            </ul>
            <div className="actions">
              {offset > 0 ? (
                <button className="btn" type="button" onClick={() => navigate(toUrl({ ...params, offset: Math.max(0, offset - 20) }))}>
                  Previous
                </button>
              ) : null}
              {offset + result.data.hits.length < result.data.total ? (
                <button className="btn" type="button" onClick={() => navigate(toUrl({ ...params, offset: offset + 20 }))}>
                  Next
                </button>
              ) : null}
            </div>
          </div>
        </div>
      ) : result.isPending ? (
        <p className="muted">Searching…</p>
      ) : null}
    </section>
  );
}
