import { describe, expect, it } from 'vitest';
import { matchPath } from './router';

describe('matchPath', () => {
  it('matches static paths, ignoring a trailing slash', () => {
    expect(matchPath('/dispatch', '/dispatch')).toEqual({});
    expect(matchPath('/dispatch', '/dispatch/')).toEqual({});
    expect(matchPath('/dispatch', '/dispatcher')).toBeNull();
    expect(matchPath('/dispatch', '/dispatch/engineers')).toBeNull();
  });
  it('captures and decodes params', () => {
    expect(matchPath('/customer/incidents/:id', '/customer/incidents/INC%2F7')).toEqual({ id: 'INC/7' });
    expect(matchPath('/customer/incidents/:id', '/customer/incidents')).toBeNull();
  });
  it('supports a trailing wildcard', () => {
    expect(matchPath('/admin/*', '/admin/users/x')).toEqual({});
  });
  it('rejects malformed escapes', () => {
    expect(matchPath('/x/:id', '/x/%E0%A4%A')).toBeNull();
  });
});
