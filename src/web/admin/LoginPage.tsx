import { useState, type FormEvent } from 'react';
import type { AdminUserResponse } from '../../contracts/http';
import { ConsoleApiError, consoleApi } from './admin-api';

export function LoginPage({ onSignedIn }: { onSignedIn: (user: AdminUserResponse) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSignedIn((await consoleApi.login(username, password)).user);
    } catch (error) {
      // Too many failures: the server's message says how long to wait.
      const throttled = error instanceof ConsoleApiError && error.status === 429;
      setProblem(throttled ? error.message : '아이디나 비밀번호가 맞지 않아요. · That username and password do not match.');
    }
  };

  return (
    <main className="login">
      <form className="login-form" onSubmit={submit}>
        <h1>늘봄 관리 콘솔 · Console</h1>
        <label>
          아이디 · Username
          <input name="username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} required />
        </label>
        <label>
          비밀번호 · Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
        </label>
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button">
          로그인 · Sign in
        </button>
      </form>
    </main>
  );
}
