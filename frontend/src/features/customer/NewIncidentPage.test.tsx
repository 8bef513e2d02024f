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
const invalid = () =>
  json(
    400,
    { status: 400, title: 'Bad Request', detail: 'Validation failed', errors: [{ field: 'title', message: 'must not be blank' }, { field: 'description', message: 'is too short' }] },
    'application/problem+json',
  );
let answerToOpening: () => Response;

/** Types into a React-controlled field the way a user's keystrokes end up: a new value, then an input event. */
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function fieldLabelled(label: string) {
  const l = [...host.querySelectorAll('label')].find((e) => e.textContent === label)!;
  return document.getElementById(l.htmlFor) as HTMLInputElement | HTMLTextAreaElement;
}

async function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  act(() =>
    root.render(
      <QueryClientProvider client={qc}>
        <NewIncidentPage />
      </QueryClientProvider>,
    ),
  );
  return waitFor(() => host.querySelector<HTMLOptionElement>('option[value="S1"]'));
}

function openButton() {
  return [...host.querySelectorAll('button')].find((b) => b.textContent === 'Open incident')!;
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=t1';
  host = document.createElement('div');
  document.body.appendChild(host);
  posted.length = 0;
  answerToOpening = invalid;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/systems') return json(200, [{ id: 'S1', customerId: 'C1', name: 'Line 4 PLC', product: 'S7', tags: [] }]);
      if (url === '/api/incidents' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return answerToOpening();
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
    const system = await renderPage();
    expect(system.textContent).toBe('Line 4 PLC (S7)');

    await act(async () => openButton().click());

    const titleError = await waitFor(() => [...host.querySelectorAll('.field-error')].find((e) => e.textContent === 'must not be blank'));
    const input = fieldLabelled('Title');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(titleError.id);
    expect(host.textContent).toContain('is too short');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Validation failed');
    expect(posted).toEqual([{ systemId: '', severity: 'SEV3', title: '', description: '' }]);
  });

  it('keeps what was typed and says to send it again when the server refuses the opening as overloaded', async () => {
    answerToOpening = () =>
      json(
        503,
        { status: 503, title: 'Overloaded', detail: 'Too many incidents are being opened right now; this SEV3 incident was not stored. Send it again in 7 s.' },
        'application/problem+json',
      );
    await renderPage();
    act(() => type(fieldLabelled('Title'), 'Line 4 stopped'));
    act(() => type(fieldLabelled('Description'), 'The PLC stopped after the night shift'));

    await act(async () => openButton().click());

    const alert = await waitFor(() => host.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('The incident was not opened');
    expect(alert.textContent).toContain('Send it again in 7 s.');
    expect(fieldLabelled('Title').value).toBe('Line 4 stopped');
    expect(fieldLabelled('Description').value).toBe('The PLC stopped after the night shift');
    expect(openButton().disabled).toBe(false);
    expect(posted).toHaveLength(1);
  });
});
