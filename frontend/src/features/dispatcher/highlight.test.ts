import { describe, expect, it } from 'vitest';
import { checkNear, safeHighlight } from './highlight';

describe('safeHighlight', () => {
  it('keeps <em> marks and escapes everything else', () => {
    expect(safeHighlight('knows <em>PLC</em> & <script>x</script>')).toBe('knows <em>PLC</em> &amp; &lt;script&gt;x&lt;/script&gt;');
  });
  it('does not let attributes through', () => {
    expect(safeHighlight('<em onclick="x">a</em>')).toBe('&lt;em onclick=&quot;x&quot;&gt;a</em>');
  });
});

describe('checkNear', () => {
  it('accepts lat,lon', () => {
    expect(checkNear('52.37,4.89')).toBeUndefined();
    expect(checkNear(' -33.9 , 151.2 ')).toBeUndefined();
    expect(checkNear('')).toBeUndefined();
  });
  it('explains what is wrong', () => {
    expect(checkNear('amsterdam')).toMatch(/latitude,longitude/);
    expect(checkNear('91,0')).toMatch(/Latitude/);
    expect(checkNear('0,181')).toMatch(/Longitude/);
  });
});
