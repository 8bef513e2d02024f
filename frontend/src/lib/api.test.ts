import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCookie, request, setUnauthorizedHandler, withQuery } from './api';
import { ApiError } from './problem';

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=ab%3Dc; b=2')).toBe('ab=c');
    expect(readCookie('XSRF-TOKEN', 'a=1')).toBeUndefined();
  });
});

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/api/engineers/search', { q: 'plc x', skill: '', near: undefined, limit: 20 })).toBe('/api/engineers/search?q=plc+x&limit=20');
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});

describe('request', () => {
  it('sends the CSRF cookie as X-XSRF-TOKEN on writes', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok123' });
    const fetch = vi.fn(async () => json(201, { id: 'I-1' }));
    vi.stubGlobal('fetch', fetch);
    await expect(request('POST', '/api/incidents', { body: { title: 't' } })).resolves.toEqual({ id: 'I-1' });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('tok123');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"title":"t"}');
  });

  it('turns problem details into an ApiError', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', vi.fn(async () => json(400, { status: 400, title: 'Bad Request', detail: 'bad q', errors: [{ field: 'q', message: 'x' }] }, 'application/problem+json')));
    const err = (await request('GET', '/api/engineers/search?q=%22').catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.problem.detail).toBe('bad q');
  });

  it('reports a lost session once on 401', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { status: 401, title: 'Unauthorized' })));
    const onLost = vi.fn();
    setUnauthorizedHandler(onLost);
    await expect(request('GET', '/api/me/incidents')).rejects.toBeInstanceOf(ApiError);
    await expect(request('GET', '/api/me', { quiet401: true })).rejects.toBeInstanceOf(ApiError);
    expect(onLost).toHaveBeenCalledTimes(1);
  });

  it('retries a write once when the CSRF token was rotated', async () => {
    const doc = { cookie: 'XSRF-TOKEN=old' };
    vi.stubGlobal('document', doc);
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/me') {
        doc.cookie = 'XSRF-TOKEN=new';
        return json(200, { username: 'u' });
      }
      const token = (init?.headers as Record<string, string>)['X-XSRF-TOKEN'];
      return token === 'new' ? json(200, { ok: true }) : json(403, { status: 403, title: 'Forbidden' });
    });
    vi.stubGlobal('fetch', fetch);
    await expect(request('PUT', '/api/me/status', { body: { status: 'AVAILABLE' } })).resolves.toEqual({ ok: true });
  });

  it('reports a network failure as a problem', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(request('GET', '/api/systems')).rejects.toMatchObject({ status: 0, problem: { title: 'Network error' } });
  });
});
