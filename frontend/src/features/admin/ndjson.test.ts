import { describe, expect, it, vi } from 'vitest';
import { chunkNdjson, ChunkError, mergeResult, runImport, type Progress } from './ndjson';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `{"type":"customer","id":"c${i + 1}","name":"C${i + 1}"}`).join('\n') + '\n';

describe('chunkNdjson', () => {
  it('splits into chunks of N lines and remembers where each starts', () => {
    const chunks = chunkNdjson(lines(5), 2);
    expect(chunks.map((c) => [c.firstLine, c.lineCount])).toEqual([[0, 2], [2, 2], [4, 1]]);
    expect(chunks[0].body).toBe('{"type":"customer","id":"c1","name":"C1"}\n{"type":"customer","id":"c2","name":"C2"}\n');
  });
  it('handles CRLF, a missing final newline and keeps blank lines so numbers stay true', () => {
    const chunks = chunkNdjson('a\r\n\r\nb', 10);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].lineCount).toBe(3);
    expect(chunks[0].body).toBe('a\n\nb\n');
  });
  it('marks all-blank chunks and gives nothing for an empty file', () => {
    expect(chunkNdjson('\n\n', 1).map((c) => c.blank)).toEqual([true, true]);
    expect(chunkNdjson('', 10)).toEqual([]);
  });
  it('refuses a chunk size below one', () => {
    expect(() => chunkNdjson('a', 0)).toThrow();
  });
});

describe('mergeResult', () => {
  it('adds counts and shifts rejected line numbers by the chunk start', () => {
    const a = mergeResult({ imported: { customer: 2 }, rejected: [{ line: 1, detail: 'x' }] }, { imported: { customer: 1, system: 3 }, rejected: [{ line: 2, detail: 'bad json' }] }, { firstLine: 100 });
    expect(a).toEqual({ imported: { customer: 3, system: 3 }, rejected: [{ line: 1, detail: 'x' }, { line: 102, detail: 'bad json' }] });
  });
});

describe('runImport', () => {
  it('sends chunks in order and reports progress after each', async () => {
    const sent: string[] = [];
    const send = vi.fn(async (body: string) => {
      sent.push(body);
      return { imported: { customer: body.trim().split('\n').length - (sent.length === 2 ? 1 : 0) }, rejected: sent.length === 2 ? [{ line: 1, detail: 'duplicate id' }] : [] };
    });
    const progress: Progress[] = [];
    const total = await runImport(chunkNdjson(lines(5), 2), send, (p) => progress.push(p));
    expect(send).toHaveBeenCalledTimes(3);
    expect(sent[0]).toContain('"c1"');
    expect(progress.map((p) => `${p.chunksDone}/${p.chunks}:${p.linesDone}/${p.lines}`)).toEqual(['0/3:0/5', '1/3:2/5', '2/3:4/5', '3/3:5/5']);
    expect(total).toEqual({ imported: { customer: 4 }, rejected: [{ line: 3, detail: 'duplicate id' }] });
  });

  it('skips blank chunks', async () => {
    const send = vi.fn(async () => ({ imported: { customer: 1 }, rejected: [] }));
    await runImport(chunkNdjson('\n\n{"type":"customer","name":"x"}\n', 2), send, () => {});
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('stops at a refused chunk and keeps what was imported', async () => {
    let n = 0;
    const send = vi.fn(async () => {
      if (++n === 2) throw new Error('413 Payload Too Large');
      return { imported: { customer: 2 }, rejected: [] };
    });
    const err = await runImport(chunkNdjson(lines(6), 2), send, () => {}).catch((e) => e);
    expect(err).toBeInstanceOf(ChunkError);
    expect(err.message).toContain('Lines 3–4');
    expect(err.partial).toEqual({ imported: { customer: 2 }, rejected: [] });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('can be cancelled', async () => {
    const ctl = new AbortController();
    const send = vi.fn(async () => {
      ctl.abort();
      return { imported: {}, rejected: [] };
    });
    await expect(runImport(chunkNdjson(lines(4), 1), send, () => {}, ctl.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
