/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  type?: string;
  status: number;
  title: string;
  detail?: string;
  instance?: string;
  errors?: unknown;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Builds a problem from any response body (problem JSON, other JSON, text or nothing). */
export function toProblem(status: number, statusText: string, body: unknown): Problem {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    return {
      ...b,
      status: typeof b.status === 'number' ? b.status : status,
      title: typeof b.title === 'string' ? b.title : (typeof b.error === 'string' ? b.error : statusText || `HTTP ${status}`),
      detail: typeof b.detail === 'string' ? b.detail : typeof b.message === 'string' ? b.message : undefined,
    };
  }
  const text = typeof body === 'string' ? body.trim() : '';
  return { status, title: statusText || `HTTP ${status}`, detail: text ? text.slice(0, 500) : undefined };
}

export type FieldErrors = Record<string, string>;

function fieldName(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  // JSON pointer ("#/title", "/site/lat") or property path ("site.lat", "request.title")
  let name = raw.replace(/^#?\//, '').replace(/\//g, '.');
  name = name.replace(/\[(\d+)\]/g, '.$1');
  return name;
}

function messageOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) return raw.map(messageOf).filter(Boolean).join('; ') || undefined;
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    for (const k of ['message', 'detail', 'reason', 'defaultMessage', 'title']) {
      if (typeof o[k] === 'string') return o[k] as string;
    }
  }
  return undefined;
}

/**
 * Maps the problem's `errors` to messages per field. Accepts the shapes servers commonly send:
 * `[{field|name|pointer|property, message|detail|reason|defaultMessage}]`,
 * `{field: "message"}` and `{field: ["message", ...]}`.
 * Nested paths keep their dots ("site.lat"); `knownFields` (if given) lets "request.title" map to "title".
 */
export function toFieldErrors(problem: Problem | undefined | null, knownFields?: string[]): FieldErrors {
  const out: FieldErrors = {};
  const errors = problem?.errors;
  if (!errors) return out;
  const add = (rawField: unknown, rawMsg: unknown) => {
    let field = fieldName(rawField);
    const msg = messageOf(rawMsg);
    if (!field || !msg) return;
    if (knownFields && !knownFields.includes(field)) {
      const tail = knownFields.find((k) => field!.endsWith('.' + k));
      if (tail) field = tail;
    }
    out[field] = out[field] ? `${out[field]}; ${msg}` : msg;
  };
  if (Array.isArray(errors)) {
    for (const e of errors) {
      if (!e || typeof e !== 'object') continue;
      const o = e as Record<string, unknown>;
      add(o.field ?? o.name ?? o.pointer ?? o.property ?? o.path, o);
    }
  } else if (typeof errors === 'object') {
    for (const [k, v] of Object.entries(errors as Record<string, unknown>)) add(k, v);
  }
  return out;
}

/** Field errors that do not belong to any of the form's fields (so they are shown at the top). */
export function unplacedErrors(errors: FieldErrors, fields: string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => !fields.includes(k))
    .map(([k, v]) => `${k}: ${v}`);
}
