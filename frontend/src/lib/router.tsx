import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A tiny history router: enough for this app, no dependency. */
const listeners = new Set<() => void>();
function emit() {
  listeners.forEach((l) => l());
}
if (typeof window !== 'undefined') window.addEventListener('popstate', emit);

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  emit();
  window.scrollTo?.(0, 0);
}

function snapshot() {
  return window.location.pathname + window.location.search;
}

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    snapshot,
  );
  const url = new URL(href, 'http://x');
  return { pathname: url.pathname, search: url.searchParams };
}

export type Params = Record<string, string>;

/** Matches "/a/:id/b" against a pathname; returns the params or null. A trailing "/*" matches any rest. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const strip = (s: string) => s.replace(/\/+$/, '') || '/';
  const p = strip(pattern).split('/');
  const a = strip(pathname).split('/');
  const params: Params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '*') return params;
    if (i >= a.length) return null;
    if (p[i].startsWith(':')) {
      if (!a[i]) return null;
      try {
        params[p[i].slice(1)] = decodeURIComponent(a[i]);
      } catch {
        return null;
      }
    } else if (p[i] !== a[i]) return null;
  }
  return p.length === a.length ? params : null;
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
