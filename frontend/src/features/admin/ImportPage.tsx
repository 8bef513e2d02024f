import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Link } from '../../lib/router';
import type { ImportResult } from '../../lib/types';
import { sendImportChunk } from './api';
import { chunkNdjson, ChunkError, runImport, type Progress } from './ndjson';

export function ImportPage() {
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [chunkSize, setChunkSize] = useState('2000');
  const [progress, setProgress] = useState<Progress>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<unknown>();
  const [errorPrefix, setErrorPrefix] = useState('Import stopped');
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController>(undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    const size = Number(chunkSize);
    setError(undefined);
    setResult(undefined);
    if (!file) return setError(new Error('Choose an NDJSON file first.'));
    if (!Number.isInteger(size) || size < 1) return setError(new Error('Lines per request must be a whole number above 0.'));
    setBusy(true);
    abort.current = new AbortController();
    try {
      const chunks = chunkNdjson(await file.text(), size);
      const total = await runImport(chunks, sendImportChunk, (p, t) => {
        setProgress(p);
        setResult(t);
      }, abort.current.signal);
      setResult(total);
    } catch (err) {
      if (err instanceof ChunkError) {
        setResult(err.partial);
        setErrorPrefix(`Import stopped at lines ${err.chunk.firstLine + 1}–${err.chunk.firstLine + err.chunk.lineCount}`);
        setError(err.cause);
      } else {
        setErrorPrefix('Import stopped');
        setError(err);
      }
    } finally {
      setBusy(false);
      void qc.invalidateQueries();
    }
  };

  const pct = progress && progress.lines ? Math.round((progress.linesDone / progress.lines) * 100) : 0;
  const imported = result ? Object.entries(result.imported) : [];
  return (
    <section className="page">
      <p>
        <Link href="/admin">← Administration</Link>
      </p>
      <h1>Import NDJSON</h1>
      <p className="muted">
        One JSON object per line, each with a <code>type</code>: customer, system, engineer or incident. Bad lines are rejected alone; good lines are kept.
      </p>
      <form className="card form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="ndjson-file">NDJSON file</label>
          <input id="ndjson-file" ref={fileRef} type="file" accept=".ndjson,.jsonl,.json,application/x-ndjson,text/plain" disabled={busy} />
        </div>
        <TextField label="Lines per request" value={chunkSize} onChange={(e) => setChunkSize(e.target.value)} inputMode="numeric" disabled={busy} hint="Large files are sent in parts so progress can be shown." />
        <div className="actions">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
          {busy ? (
            <button className="btn btn-quiet" type="button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      {progress ? (
        <div className="card" aria-live="polite">
          <label htmlFor="import-progress">
            Progress: {progress.chunksDone} of {progress.chunks} parts · {progress.linesDone} of {progress.lines} lines
          </label>
          <progress id="import-progress" max={100} value={pct}>
            {pct}%
          </progress>
        </div>
      ) : null}
      <ProblemAlert error={error} prefix={errorPrefix} />
      {result ? (
        <div className="card" aria-labelledby="import-result-h">
          <h2 id="import-result-h">Result</h2>
          <p>
            Imported: {imported.length ? imported.map(([k, v]) => `${v} ${k}${v === 1 ? '' : 's'}`).join(', ') : 'nothing'} · rejected: {result.rejected.length} line{result.rejected.length === 1 ? '' : 's'}
          </p>
          {result.rejected.length ? (
            <table className="data">
              <caption>Rejected lines</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.slice(0, 1000).map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.rejected.length > 1000 ? <p className="muted">First 1000 of {result.rejected.length} shown.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
