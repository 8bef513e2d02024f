import type { ImportResult } from '../../lib/types';

export interface Chunk {
  /** 0-based index of the chunk's first line in the whole file. */
  firstLine: number;
  lineCount: number;
  body: string;
  /** true when every line is blank (nothing to send). */
  blank: boolean;
}

/** Splits NDJSON text into chunks of at most `size` lines, keeping blank lines so line numbers stay true. */
export function chunkNdjson(text: string, size: number): Chunk[] {
  if (size < 1) throw new Error('chunk size must be at least 1');
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop(); // the final newline ends a line, it does not start one
  const chunks: Chunk[] = [];
  for (let i = 0; i < lines.length; i += size) {
    const part = lines.slice(i, i + size);
    chunks.push({ firstLine: i, lineCount: part.length, body: part.join('\n') + '\n', blank: part.every((l) => l.trim() === '') });
  }
  return chunks;
}

export function emptyResult(): ImportResult {
  return { imported: {}, rejected: [] };
}

/** Adds one chunk's answer to the total; the server numbers lines from 1 within the chunk. */
export function mergeResult(total: ImportResult, part: ImportResult, chunk: Pick<Chunk, 'firstLine'>): ImportResult {
  const imported = { ...total.imported };
  for (const [type, n] of Object.entries(part.imported ?? {})) imported[type] = (imported[type] ?? 0) + n;
  const rejected = [...total.rejected, ...(part.rejected ?? []).map((r) => ({ line: r.line + chunk.firstLine, detail: r.detail }))];
  return { imported, rejected };
}

export interface Progress {
  chunksDone: number;
  chunks: number;
  linesDone: number;
  lines: number;
}

/**
 * Sends the chunks one after another (order matters: a system's customer must exist first),
 * reporting progress after each. Stops at the first chunk the server refuses as a whole.
 */
export async function runImport(
  chunks: Chunk[],
  send: (body: string, signal?: AbortSignal) => Promise<ImportResult>,
  onProgress: (p: Progress, total: ImportResult) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  let total = emptyResult();
  const lines = chunks.reduce((n, c) => n + c.lineCount, 0);
  let linesDone = 0;
  onProgress({ chunksDone: 0, chunks: chunks.length, linesDone, lines }, total);
  for (const [i, chunk] of chunks.entries()) {
    if (signal?.aborted) throw new DOMException('Import cancelled', 'AbortError');
    if (!chunk.blank) {
      try {
        total = mergeResult(total, await send(chunk.body, signal), chunk);
      } catch (e) {
        throw new ChunkError(chunk, e, total);
      }
    }
    linesDone += chunk.lineCount;
    onProgress({ chunksDone: i + 1, chunks: chunks.length, linesDone, lines }, total);
  }
  return total;
}

export class ChunkError extends Error {
  constructor(
    readonly chunk: Chunk,
    readonly cause: unknown,
    readonly partial: ImportResult,
  ) {
    super(`Lines ${chunk.firstLine + 1}–${chunk.firstLine + chunk.lineCount} were not imported: ${(cause as Error)?.message ?? cause}`);
    this.name = 'ChunkError';
  }
}
