import { useState } from 'react';
import { Async } from '../../components/Async';
import { PresenceBadge } from '../../components/Badges';
import { SelectField, TextField } from '../../components/Field';
import { useSystems } from '../../lib/queries';
import { ROLES, type Role } from '../../lib/types';
import { useAdminEngineers, useCreateCustomer, useCreateEngineer, useCreateSystem, useCreateUser, useCustomers, useUsers } from './api';
import { compact, optNumber, parseCertifications, parseList, parseSystemLevels } from './forms';
import { errorsFor, FormShell, TableHead, useFields } from './FormShell';

export function CustomersSection() {
  const customers = useCustomers();
  const create = useCreateCustomer();
  const [f, setF] = useState({ id: '', name: '' });
  const fields = ['id', 'name'];
  const err = errorsFor(create.error, fields);
  return (
    <div className="two-col">
      <section aria-labelledby="cust-list-h">
        <h2 id="cust-list-h">Customers</h2>
        <Async query={customers} what="customers">
          {(list) => (
            <table className="data">
              <TableHead columns={['Id', 'Name']} />
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <td>{c.id}</td>
                    <td>{c.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Async>
      </section>
      <FormShell
        title="New customer"
        error={create.error}
        fields={fields}
        busy={create.isPending}
        done={create.isSuccess ? `Customer ${create.data.id} created.` : undefined}
        submitLabel="Create customer"
        onSubmit={() => create.mutate(compact(f) as { name: string }, { onSuccess: () => setF({ id: '', name: '' }) })}
      >
        <TextField label="Id (optional)" value={f.id} onChange={(e) => setF({ ...f, id: e.target.value })} error={err.id} />
        <TextField label="Name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} error={err.name} />
      </FormShell>
    </div>
  );
}

export function SystemsSection() {
  const systems = useSystems();
  const customers = useCustomers();
  const create = useCreateSystem();
  const blank = { customerId: '', id: '', name: '', product: '', version: '', label: '', lat: '', lon: '', tags: '' };
  const [f, set, setF] = useFields(blank);
  const fields = ['customerId', 'id', 'name', 'product', 'version', 'site.label', 'site.lat', 'site.lon', 'site', 'tags'];
  const err = errorsFor(create.error, fields);
    const submit = () => {
    const site = f.lat || f.lon || f.label ? compact({ label: f.label, lat: optNumber(f.lat), lon: optNumber(f.lon) }) : undefined;
    create.mutate({ customerId: f.customerId, ...compact({ id: f.id, name: f.name, product: f.product, version: f.version, tags: parseList(f.tags) }), ...(site ? { site } : {}) } as never, {
      onSuccess: () => setF(blank),
    });
  };
  return (
    <div className="two-col">
      <section aria-labelledby="sys-list-h">
        <h2 id="sys-list-h">Systems</h2>
        <Async query={systems} what="systems">
          {(list) => (
            <table className="data">
              <TableHead columns={['Id', 'Name', 'Product', 'Customer', 'Site']} />
              <tbody>
                {list.map((s) => (
                  <tr key={s.id}>
                    <td>{s.id}</td>
                    <td>{s.name}</td>
                    <td>
                      {s.product} {s.version}
                    </td>
                    <td>{s.customerId}</td>
                    <td>{s.site ? (s.site.label ?? `${s.site.lat}, ${s.site.lon}`) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Async>
      </section>
      <FormShell title="New system" error={create.error} fields={fields} busy={create.isPending} done={create.isSuccess ? 'System created.' : undefined} submitLabel="Create system" onSubmit={submit}>
        <SelectField label="Customer" value={f.customerId} onChange={set('customerId')} placeholder="Choose a customer" options={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.id})` }))} error={err.customerId} />
        <TextField label="Id (optional)" value={f.id} onChange={set('id')} error={err.id} />
        <TextField label="Name" value={f.name} onChange={set('name')} error={err.name} />
        <TextField label="Product" value={f.product} onChange={set('product')} error={err.product} />
        <TextField label="Version" value={f.version} onChange={set('version')} error={err.version} />
        <TextField label="Site label" value={f.label} onChange={set('label')} error={err['site.label']} />
        <div className="row">
          <TextField label="Site latitude" value={f.lat} onChange={set('lat')} inputMode="decimal" error={err['site.lat'] ?? err.site} />
          <TextField label="Site longitude" value={f.lon} onChange={set('lon')} inputMode="decimal" error={err['site.lon']} />
        </div>
        <TextField label="Tags (comma separated)" value={f.tags} onChange={set('tags')} error={err.tags} />
      </FormShell>
    </div>
  );
}

export function EngineersSection() {
  const [offset, setOffset] = useState(0);
  const engineers = useAdminEngineers(offset);
  const create = useCreateEngineer();
  const blank = { id: '', name: '', email: '', skills: '', systems: '', certifications: '', lat: '', lon: '', timeZone: '', maxActive: '' };
  const [f, set, setF] = useFields(blank);
  const [localError, setLocalError] = useState<string>();
  const fields = ['id', 'name', 'email', 'skills', 'systems', 'certifications', 'base', 'base.lat', 'base.lon', 'timeZone', 'maxActive'];
  const err = errorsFor(create.error, fields);
    const submit = () => {
    setLocalError(undefined);
    let systems;
    try {
      systems = parseSystemLevels(f.systems);
    } catch (e) {
      setLocalError((e as Error).message);
      return;
    }
    const base = f.lat || f.lon ? { lat: optNumber(f.lat), lon: optNumber(f.lon) } : undefined;
    create.mutate(
      compact({ id: f.id, name: f.name, email: f.email, skills: parseList(f.skills), systems, certifications: parseCertifications(f.certifications), base, timeZone: f.timeZone, maxActive: optNumber(f.maxActive) }) as never,
      { onSuccess: () => setF(blank) },
    );
  };
  return (
    <div className="two-col">
      <section aria-labelledby="eng-list-h">
        <h2 id="eng-list-h">Engineers</h2>
        <Async query={engineers} what="engineers">
          {(page) => (
            <>
              <table className="data">
                <TableHead columns={['Id', 'Name', 'Skills', 'Status', 'Load']} />
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id}>
                      <td>{e.id}</td>
                      <td>{e.name}</td>
                      <td>{e.skills?.join(', ')}</td>
                      <td>
                        <PresenceBadge status={e.status} />
                      </td>
                      <td>
                        {e.activeIncidents ?? 0}/{e.maxActive ?? '?'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="actions">
                <span className="muted small">
                  {page.total ? `${offset + 1}–${offset + page.items.length} of ${page.total}` : 'none'}
                </span>
                <button className="btn btn-small" type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
                  Previous
                </button>
                <button className="btn btn-small" type="button" disabled={offset + page.items.length >= page.total} onClick={() => setOffset(offset + 50)}>
                  Next
                </button>
              </div>
            </>
          )}
        </Async>
      </section>
      <FormShell title="New engineer" error={create.error} fields={fields} busy={create.isPending} done={create.isSuccess ? `Engineer ${create.data.id} created.` : undefined} submitLabel="Create engineer" onSubmit={submit}>
        <TextField label="Id (optional)" value={f.id} onChange={set('id')} error={err.id} />
        <TextField label="Name" value={f.name} onChange={set('name')} error={err.name} />
        <TextField label="Email" type="email" value={f.email} onChange={set('email')} error={err.email} />
        <TextField label="Skills (comma separated)" value={f.skills} onChange={set('skills')} error={err.skills} />
        <TextField label="Systems known (id:level 1–5, comma separated)" value={f.systems} onChange={set('systems')} error={localError ?? err.systems} placeholder="SYS-1:5, SYS-2:3" />
        <TextField label="Certifications (name[:yyyy-mm-dd], comma separated)" value={f.certifications} onChange={set('certifications')} error={err.certifications} />
        <div className="row">
          <TextField label="Base latitude" value={f.lat} onChange={set('lat')} inputMode="decimal" error={err['base.lat'] ?? err.base} />
          <TextField label="Base longitude" value={f.lon} onChange={set('lon')} inputMode="decimal" error={err['base.lon']} />
        </div>
        <TextField label="Time zone" value={f.timeZone} onChange={set('timeZone')} placeholder="Europe/Amsterdam" error={err.timeZone} />
        <TextField label="Max active incidents" value={f.maxActive} onChange={set('maxActive')} inputMode="numeric" error={err.maxActive} />
      </FormShell>
    </div>
  );
}

export function UsersSection() {
  const users = useUsers();
  const create = useCreateUser();
  const blank = { username: '', password: '', role: 'CUSTOMER' as Role, customerId: '', engineerId: '' };
  const [f, set, setF] = useFields(blank);
  const fields = ['username', 'password', 'role', 'customerId', 'engineerId'];
  const err = errorsFor(create.error, fields);
    const submit = () => {
    const body = { username: f.username, password: f.password, role: f.role, ...(f.role === 'CUSTOMER' ? { customerId: f.customerId } : {}), ...(f.role === 'ENGINEER' ? { engineerId: f.engineerId } : {}) };
    create.mutate(body, { onSuccess: () => setF(blank) });
  };
  return (
    <div className="two-col">
      <section aria-labelledby="users-list-h">
        <h2 id="users-list-h">Accounts</h2>
        <Async query={users} what="accounts">
          {(list) => (
            <table className="data">
              <TableHead columns={['Username', 'Role', 'Linked to']} />
              <tbody>
                {list.map((u) => (
                  <tr key={u.username}>
                    <td>{u.username}</td>
                    <td>{u.role}</td>
                    <td>{u.customerId ?? u.engineerId ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Async>
      </section>
      <FormShell title="New account" error={create.error} fields={fields} busy={create.isPending} done={create.isSuccess ? 'Account created.' : undefined} submitLabel="Create account" onSubmit={submit}>
        <TextField label="Username" value={f.username} onChange={set('username')} autoComplete="off" error={err.username} />
        <TextField label="Password" type="password" value={f.password} onChange={set('password')} autoComplete="new-password" error={err.password} />
        <SelectField label="Role" value={f.role} onChange={set('role')} options={ROLES.map((r) => ({ value: r, label: r }))} error={err.role} />
        {f.role === 'CUSTOMER' ? <TextField label="Customer id" value={f.customerId} onChange={set('customerId')} error={err.customerId} /> : null}
        {f.role === 'ENGINEER' ? <TextField label="Engineer id" value={f.engineerId} onChange={set('engineerId')} error={err.engineerId} /> : null}
      </FormShell>
    </div>
  );
}
