import { describe, expect, it } from 'vitest';
import { ApiError, toFieldErrors, toProblem, unplacedErrors, type Problem } from './problem';

const base: Problem = { status: 400, title: 'Bad Request', detail: 'Invalid request content.' };

describe('toFieldErrors', () => {
  it('reads an array of {field, message}', () => {
    expect(toFieldErrors({ ...base, errors: [{ field: 'title', message: 'must not be blank' }, { field: 'severity', message: 'must be SEV1..SEV4' }] })).toEqual({
      title: 'must not be blank',
      severity: 'must be SEV1..SEV4',
    });
  });
  it('reads JSON pointers and other message keys', () => {
    expect(toFieldErrors({ ...base, errors: [{ pointer: '#/site/lat', detail: 'must be ≤ 90' }, { name: 'name', reason: 'required' }, { property: 'x', defaultMessage: 'bad' }] })).toEqual({
      'site.lat': 'must be ≤ 90',
      name: 'required',
      x: 'bad',
    });
  });
  it('reads a map of field to message or messages', () => {
    expect(toFieldErrors({ ...base, errors: { title: 'too long', description: ['required', 'too short'] } })).toEqual({
      title: 'too long',
      description: 'required; too short',
    });
  });
  it('joins several messages for one field', () => {
    expect(toFieldErrors({ ...base, errors: [{ field: 'title', message: 'a' }, { field: 'title', message: 'b' }] })).toEqual({ title: 'a; b' });
  });
  it('maps a prefixed path onto a known field', () => {
    expect(toFieldErrors({ ...base, errors: [{ field: 'request.title', message: 'x' }] }, ['title'])).toEqual({ title: 'x' });
  });
  it('gives nothing when there are no field errors', () => {
    expect(toFieldErrors(base)).toEqual({});
    expect(toFieldErrors(undefined)).toEqual({});
    expect(toFieldErrors({ ...base, errors: ['just text', null] })).toEqual({});
  });
});

describe('unplacedErrors', () => {
  it('lists errors for fields the form does not have', () => {
    expect(unplacedErrors({ title: 'a', customerId: 'b' }, ['title'])).toEqual(['customerId: b']);
  });
});

describe('toProblem', () => {
  it('keeps a problem body', () => {
    const p = toProblem(409, 'Conflict', { status: 409, title: 'Offer expired', detail: 'too late', type: 'about:blank' });
    expect(p).toMatchObject({ status: 409, title: 'Offer expired', detail: 'too late' });
  });
  it('makes a problem from a Spring-style error or plain text', () => {
    expect(toProblem(500, 'Internal Server Error', { error: 'Internal Server Error', message: 'boom' })).toMatchObject({ title: 'Internal Server Error', detail: 'boom' });
    expect(toProblem(502, 'Bad Gateway', '<html>proxy</html>')).toMatchObject({ status: 502, title: 'Bad Gateway', detail: '<html>proxy</html>' });
    expect(toProblem(404, '', undefined)).toMatchObject({ status: 404, title: 'HTTP 404', detail: undefined });
  });
  it('gives ApiError the detail as its message', () => {
    expect(new ApiError({ status: 400, title: 'Bad', detail: 'q: unbalanced quote' }).message).toBe('q: unbalanced quote');
  });
});
