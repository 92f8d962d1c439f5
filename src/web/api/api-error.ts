import type { Problem } from '../../contracts/problem.ts';

/** A failed API call, carrying the server's problem details (or a synthesized one). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** Turns anything thrown by a call into problem details the UI can show. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) {
    return error.problem;
  }
  const offline = error instanceof TypeError;
  return {
    type: 'about:blank',
    title: offline ? 'The server could not be reached' : 'Something went wrong',
    status: 0,
    code: offline ? 'NETWORK_ERROR' : 'CLIENT_ERROR',
    detail: offline
      ? 'Check your connection and try again.'
      : error instanceof Error
        ? error.message
        : String(error),
    requestId: '',
  };
}
