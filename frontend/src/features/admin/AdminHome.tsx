import { Link } from '../../lib/router';
import { CustomersSection, EngineersSection, SystemsSection, UsersSection } from './Sections';

type Section = 'customers' | 'systems' | 'engineers' | 'users';
const TABS: { id: Section; label: string }[] = [
  { id: 'customers', label: 'Customers' },
  { id: 'systems', label: 'Systems' },
  { id: 'engineers', label: 'Engineers' },
  { id: 'users', label: 'Accounts' },
];

export function AdminHome({ section }: { section: Section }) {
  return (
    <section className="page wide">
      <div className="page-head">
        <h1>Administration</h1>
        <Link href="/admin/import" className="btn">
          Import NDJSON…
        </Link>
      </div>
      <nav aria-label="Admin sections" className="tabs">
        {TABS.map((t) => (
          <Link key={t.id} href={`/admin/${t.id}`} aria-current={t.id === section ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {section === 'customers' ? <CustomersSection /> : section === 'systems' ? <SystemsSection /> : section === 'engineers' ? <EngineersSection /> : <UsersSection />}
    </section>
  );
}
