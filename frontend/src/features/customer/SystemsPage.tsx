import { Async } from '../../components/Async';
import { useSystems } from '../../lib/queries';
import { Link } from '../../lib/router';

export function SystemsPage() {
  const systems = useSystems();
  return (
    <section className="page">
      <div className="page-head">
        <h1>My systems</h1>
        <Link href="/customer/new" className="btn btn-primary">
          Open an incident
        </Link>
      </div>
      <Async query={systems} what="your systems">
        {(list) => list.length === 0 ? (
        <p className="muted">No systems are registered for you yet.</p>
      ) : (
        <ul className="cards">
          {list.map((s) => (
            <li key={s.id} className="card">
              <h2>{s.name}</h2>
              <p>
                {s.product}
                {s.version ? ` ${s.version}` : ''} <span className="muted">· {s.id}</span>
              </p>
              {s.site ? <p className="muted">{s.site.label ?? `${s.site.lat}, ${s.site.lon}`}</p> : null}
              {s.tags?.length ? (
                <p className="tags">
                  {s.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </p>
              ) : null}
              <Link href={`/customer/new?system=${encodeURIComponent(s.id)}`}>Open an incident on this system</Link>
            </li>
          ))}
        </ul>
      )}
      </Async>
    </section>
  );
}
