import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextField } from '../../components/Field';
import { isApiError } from '../../lib/problem';
import { navigate } from '../../lib/router';
import { landingFor, signIn } from '../../lib/session';
import { qk } from '../../lib/queryKeys';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/signin')) return undefined;
  return next;
}

export function SignInPage({ next }: { next?: string | null }) {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = await signIn(username, password);
      queryClient.setQueryData(qk.me, me);
      navigate(safeNext(next) ?? landingFor(me.role), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const badCredentials = isApiError(error) && error.status === 401;
  return (
    <main className="signin-wrap" id="main">
      <form className="card signin" onSubmit={submit} aria-labelledby="signin-title" noValidate>
        <h1 id="signin-title">Sign in to Switchboard</h1>
        {badCredentials ? (
          <div className="alert alert-error" role="alert">
            <strong>Wrong username or password.</strong>
            {error.problem.detail ? <div>{error.problem.detail}</div> : null}
          </div>
        ) : (
          <ProblemAlert error={error} prefix="Sign-in failed" />
        )}
        <TextField label="Username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <button className="btn btn-primary" type="submit" disabled={busy || !username || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
