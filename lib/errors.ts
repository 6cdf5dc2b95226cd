import { Construct } from 'constructs';

/**
 * Thrown at synth time when a construct's props are invalid.
 *
 * Carries a stable `code` (for example `SecureBucket.InvalidProps`), the construct path and one line per
 * problem. Each problem names the prop, the value received, what is allowed and how to fix it. Because
 * it is thrown from the constructor, no template is written.
 */
export class BaselineValidationError extends Error {
  /** Stable code: `<Construct>.InvalidProps`. */
  public readonly code: string;
  /** Path of the construct whose props were rejected. */
  public readonly constructPath: string;
  /** One line per problem. */
  public readonly problems: string[];

  constructor(code: string, scope: Construct, problems: string[]) {
    super(
      `[${code}] ${scope.node.path}: invalid props\n` + problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'BaselineValidationError';
    this.code = code;
    this.constructPath = scope.node.path;
    this.problems = problems;
  }
}

/**
 * Throw a single `BaselineValidationError` if any problems were collected.
 *
 * Validators collect every problem first, so the caller sees them all in one synth.
 */
export function throwIfProblems(code: string, scope: Construct, problems: string[]): void {
  if (problems.length > 0) {
    throw new BaselineValidationError(code, scope, problems);
  }
}

/**
 * The problems of a "must have happened by synth" check (`node.addValidation`), in the same shape as a
 * `BaselineValidationError` message: `[code] path: invalid props` and one line per problem.
 *
 * Returns `[]` when there are no problems, so it can be returned from `validate()` directly.
 */
export function validationMessages(code: string, scope: Construct, problems: string[]): string[] {
  return problems.length > 0 ? [new BaselineValidationError(code, scope, problems).message] : [];
}
