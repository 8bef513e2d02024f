import { describe, expect, it } from 'vitest';
import { compact, parseCertifications, parseList, parseSystemLevels } from './forms';

describe('admin form parsing', () => {
  it('splits comma lists', () => expect(parseList(' plc, , scada ,hmi')).toEqual(['plc', 'scada', 'hmi']));
  it('reads system levels with a default of 3', () => {
    expect(parseSystemLevels('SYS-1:5, SYS-2')).toEqual([{ systemId: 'SYS-1', level: 5 }, { systemId: 'SYS-2', level: 3 }]);
    expect(() => parseSystemLevels('SYS-1:9')).toThrow(/1..5/);
  });
  it('reads certifications with optional expiry', () => {
    expect(parseCertifications('PLC safety:2027-01-31, First aid')).toEqual([{ name: 'PLC safety', expires: '2027-01-31' }, { name: 'First aid' }]);
  });
  it('drops empty values', () => expect(compact({ a: '', b: [], c: undefined, d: 0, e: 'x' })).toEqual({ d: 0, e: 'x' }));
});
