function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Makes a search highlight safe to render: everything is escaped except the <em>…</em> marks. */
export function safeHighlight(fragment: string): string {
  return escapeHtml(fragment).replace(/&lt;em&gt;/g, '<em>').replace(/&lt;\/em&gt;/g, '</em>');
}

/** "near" must be "lat,lon" with numbers in range; returns an error message or undefined. */
export function checkNear(near: string): string | undefined {
  if (!near.trim()) return undefined;
  const m = near.trim().match(/^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/);
  if (!m) return 'Write it as latitude,longitude — e.g. 52.37,4.89';
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (lat < -90 || lat > 90) return 'Latitude must be between -90 and 90';
  if (lon < -180 || lon > 180) return 'Longitude must be between -180 and 180';
  return undefined;
}
