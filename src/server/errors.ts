import type { OrderProblem } from '../domain/pricing';

/** An error whose message is safe to show the client; anything else becomes a plain 500. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly problems?: OrderProblem[],
    /** What went wrong underneath, for the server's log (a 5xx is logged with it). */
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

export const invalidOrder = (problems: OrderProblem[]) =>
  new AppError(400, 'invalid_order', problems.map((problem) => problem.message).join(' '), problems);

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
