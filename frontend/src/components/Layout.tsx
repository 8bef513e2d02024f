import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, navigate, useLocation } from '../lib/router';
import { signOut } from '../lib/session';
import type { Me, Role } from '../lib/types';
import { ConnectionIndicator } from './ConnectionIndicator';
import { EscalationNotices } from './EscalationNotices';
import { ProblemAlert } from './ProblemAlert';

const NAV: Record<Role, { href: string; label: string }[]> = {
  CUSTOMER: [
    { href: '/customer', label: 'My incidents' },
    { href: '/customer/new', label: 'Open an incident' },
    { href: '/customer/systems', label: 'My systems' },
  ],
  ENGINEER: [
    { href: '/engineer', label: 'Console' },
    { href: '/engineer/schedule', label: 'My schedule' },
  ],
  DISPATCHER: [
    { href: '/dispatch', label: 'Board' },
    { href: '/dispatch/engineers', label: 'Engineers' },
  ],
  ADMIN: [
    { href: '/admin', label: 'Admin' },
    { href: '/admin/import', label: 'Import' },
    { href: '/dispatch', label: 'Board' },
    { href: '/dispatch/engineers', label: 'Engineers' },
  ],
};

export function Layout({ me, children }: { me: Me; children: ReactNode }) {
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const [error, setError] = useState<unknown>();
  const items = NAV[me.role] ?? [];
  const current = items.filter((i) => pathname === i.href || pathname.startsWith(i.href + '/')).sort((a, b) => b.href.length - a.href.length)[0];
  const onSignOut = async () => {
    setError(undefined);
    try {
      await signOut(queryClient);
      navigate('/signin', { replace: true });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Switchboard
        </Link>
        <nav aria-label="Main">
          <ul>
            {items.map((i) => (
              <li key={i.href}>
                <Link href={i.href} aria-current={current?.href === i.href ? 'page' : undefined}>
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-right">
          <ConnectionIndicator />
          <span className="user" title={me.role}>
            {me.username} <span className="muted">· {me.role.toLowerCase()}</span>
          </span>
          <button type="button" className="btn btn-quiet" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ProblemAlert error={error} prefix="Sign-out failed" />
        {me.role === 'DISPATCHER' || me.role === 'ADMIN' ? <EscalationNotices /> : null}
        {children}
      </main>
    </div>
  );
}
