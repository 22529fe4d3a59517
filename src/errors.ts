/** A mistake in the user's input, rules or options: printed as one line on stderr, exit code 2. */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
