import { ApiError, toProblem } from './problem';

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

export function readCookie(name: string, cookies: string = typeof document !== 'undefined' ? document.cookie : ''): string | undefined {
  for (const part of cookies.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};
/** Called when the session is gone (401 from any call but sign-in). */
export function setUnauthorizedHandler(h: UnauthorizedHandler) {
  onUnauthorized = h;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body (string/Blob/URLSearchParams) sent as is with this content type. */
  rawBody?: BodyInit;
  contentType?: string;
  signal?: AbortSignal;
  /** Do not treat 401 as "signed out" (sign-in, /api/me). */
  quiet401?: boolean;
}

async function parseBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Makes sure a CSRF cookie exists before a state-changing call (GET /api/me sets it). */
async function ensureCsrfCookie(): Promise<void> {
  if (readCookie(CSRF_COOKIE)) return;
  await fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } }).catch(() => undefined);
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  // X-Requested-With keeps Spring Security from answering 401 with a Basic challenge (the browser's login pop-up)
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  let body: BodyInit | undefined;
  if (opts.rawBody !== undefined) {
    body = opts.rawBody;
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  return fetch(path, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
}

/** The one API client: JSON in and out, session cookie + CSRF header, problem details as ApiError. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const mutating = method !== 'GET' && method !== 'HEAD';
  if (mutating) await ensureCsrfCookie();
  const sentToken = readCookie(CSRF_COOKIE);
  let res: Response;
  try {
    res = await send(method, path, opts);
    if (mutating && res.status === 403) {
      // A stale CSRF token (rotated at sign-in) is a 403 too: refresh the cookie once and retry.
      await fetch('/api/me', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } }).catch(() => undefined);
      if (readCookie(CSRF_COOKIE) !== sentToken) res = await send(method, path, opts);
    }
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error', detail: `The server could not be reached (${(e as Error)?.message ?? e}).` });
  }
  const body = await parseBody(res);
  if (!res.ok) {
    if (res.status === 401 && !opts.quiet401) onUnauthorized();
    throw new ApiError(toProblem(res.status, res.statusText, body));
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/** Builds "path?k=v" leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
