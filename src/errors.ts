/** A mistake in the user's input, rules or options: printed as one line on stderr, exit code 2 (EXIT.usage). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
