/**
 * What went wrong talking to the archive, in words a writer can act on,
 * sorted into the kinds the editor treats differently (ask for a password,
 * set up the schema, wait and retry). Never carries a password.
 */
import { redactUrl } from '../../core/archive/archiveUrl';

export type ArchiveFailure = 'unreachable' | 'timeout' | 'password' | 'no-schema' | 'denied' | 'error';

export class ArchiveError extends Error {
  constructor(
    readonly kind: ArchiveFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a node-postgres or socket error as an ArchiveError. */
export function archiveErrorOf(error: unknown, timeoutMs: number): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const code = (error as { code?: unknown }).code;
  const text = redactUrl(error instanceof Error ? error.message : String(error));
  switch (code) {
    case '28P01':
    case '28000':
      return new ArchiveError('password', `the server refused the login (${text})`);
    case '57014':
      return new ArchiveError('timeout', `a query took longer than ${timeoutMs / 1000} s and was cancelled`);
    case '3D000':
      return new ArchiveError('unreachable', text);
    case '42P01':
    case '3F000':
    case '42883':
      return new ArchiveError('no-schema', `the archive has no Briefing schema yet (${text}); run: briefing archive init --db URL`);
    case '42501':
      return new ArchiveError('denied', `permission denied (${text})`);
    case '57P01':
    case '57P02':
    case '57P03':
    case '53300':
      return new ArchiveError('unreachable', `the server is not accepting queries (${text})`);
    case 'ECONNREFUSED':
      return new ArchiveError('unreachable', 'the server refused the connection (is PostgreSQL running there?)');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ArchiveError('unreachable', `the server's name could not be resolved (${text})`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ArchiveError('unreachable', `the connection failed (${String(code)})`);
  }
  if (/password must be a string|no password|password authentication/i.test(text)) {
    return new ArchiveError('password', 'the server asks for a password');
  }
  if (/timeout|timed out/i.test(text)) return new ArchiveError('timeout', `no answer within ${timeoutMs / 1000} s`);
  if (/Connection terminated|connection ended|ended unexpectedly/i.test(text)) return new ArchiveError('unreachable', 'the connection was closed');
  return new ArchiveError('error', text);
}
