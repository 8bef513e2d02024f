// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NewIncidentPage } from './NewIncidentPage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

async function waitFor<T>(fn: () => T | undefined | null, timeout = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('timed out');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

let root: Root;
let host: HTMLDivElement;
const posted: unknown[] = [];

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=t1';
  host = document.createElement('div');
  document.body.appendChild(host);
  posted.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/systems') return json(200, [{ id: 'S1', customerId: 'C1', name: 'Line 4 PLC', product: 'S7', tags: [] }]);
      if (url === '/api/incidents' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json(
          400,
          { status: 400, title: 'Bad Request', detail: 'Validation failed', errors: [{ field: 'title', message: 'must not be blank' }, { field: 'description', message: 'is too short' }] },
          'application/problem+json',
        );
      }
      return json(404, { status: 404, title: 'Not Found' });
    }),
  );
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.unstubAllGlobals();
});

describe('NewIncidentPage', () => {
  it('shows the server validation messages at their fields', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    act(() =>
      root.render(
        <QueryClientProvider client={qc}>
          <NewIncidentPage />
        </QueryClientProvider>,
      ),
    );
    const system = await waitFor(() => host.querySelector<HTMLOptionElement>('option[value="S1"]'));
    expect(system.textContent).toBe('Line 4 PLC (S7)');

    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Open incident')!;
    await act(async () => button.click());

    const titleError = await waitFor(() => [...host.querySelectorAll('.field-error')].find((e) => e.textContent === 'must not be blank'));
    const titleInput = [...host.querySelectorAll('label')].find((l) => l.textContent === 'Title')!;
    const input = document.getElementById(titleInput.htmlFor) as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(titleError.id);
    expect(host.textContent).toContain('is too short');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Validation failed');
    expect(posted).toEqual([{ systemId: '', severity: 'SEV3', title: '', description: '' }]);
  });
});
