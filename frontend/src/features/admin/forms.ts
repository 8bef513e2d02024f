/** "a, b ,c" → ["a","b","c"] */
export function parseList(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** "SYS-1:5, SYS-2:3" → [{systemId:"SYS-1",level:5}, ...]; a missing level is 3. Throws on a bad level. */
export function parseSystemLevels(s: string): { systemId: string; level: number }[] {
  return parseList(s).map((part) => {
    const [id, lvl] = part.split(':').map((x) => x.trim());
    const level = lvl === undefined || lvl === '' ? 3 : Number(lvl);
    if (!Number.isInteger(level) || level < 1 || level > 5) throw new Error(`Level for ${id} must be 1..5`);
    return { systemId: id, level };
  });
}

/** "PLC safety:2027-01-31, First aid" → [{name, expires?}] */
export function parseCertifications(s: string): { name: string; expires?: string }[] {
  return parseList(s).map((part) => {
    const m = part.match(/^(.*?):\s*(\d{4}-\d{2}-\d{2})$/);
    return m ? { name: m[1].trim(), expires: m[2] } : { name: part };
  });
}

/** Optional number: "" → undefined, else a number or NaN. */
export function optNumber(s: string): number | undefined {
  return s.trim() === '' ? undefined : Number(s);
}

/** Drops undefined, empty strings and empty arrays so the server applies its own defaults. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as Partial<T>;
}
