import { Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** The reasons that depend on what a deploy-time function does. */
export interface DeployTimeFunctionReasons {
  /**
   * Why the function needs no VPC: what it calls and what it holds. A sentence a reviewer would
   * accept (40 characters or more).
   */
  readonly outsideVpc: string;
}

/** Why a custom-resource handler has no dead-letter queue. */
export const NO_DLQ_REASON =
  'CloudFormation invokes this custom-resource handler asynchronously and waits for the answer the handler PUTs to the ' +
  'response URL, FAILED on any error, so a failure shows in the stack events and rolls the stack back; a dead-letter ' +
  'queue would only keep an event whose pre-signed response URL has expired, which nobody can replay';

/** Why a custom-resource handler reserves no concurrency. */
export const NO_RESERVED_CONCURRENCY_REASON =
  'CloudFormation invokes this function only for its own custom resource, once per create, update or delete, so it ' +
  'cannot use up the account concurrency other functions need, and Lambda retries an asynchronous invocation that is ' +
  'throttled; reserving any concurrency would fail the deployment in new accounts whose regional Lambda concurrency ' +
  'quota is still 10, because Lambda always keeps 10 unreserved';

/**
 * Acknowledge, on `fn` only, the Lambda findings that do not fit a function that only CloudFormation
 * invokes while it deploys the stack (a custom-resource handler).
 *
 * | Finding | Packs | Why it does not apply |
 * | --- | --- | --- |
 * | `LambdaInsideVPC`, `lambda_inside_vpc_check` | HIPAA, NIST 800-53 R5, PCI DSS 3.2.1, Control Tower CT.LAMBDA.PR.3 | `reasons.outsideVpc` (the caller knows what the function calls) |
 * | `LambdaDLQ` | HIPAA, NIST 800-53 R5 | `NO_DLQ_REASON` |
 * | `LambdaConcurrency` | HIPAA, NIST 800-53 R5 | `NO_RESERVED_CONCURRENCY_REASON` |
 *
 * Every other finding on the function (runtime, IAM, logging, ...) is still reported.
 */
export function acknowledgeDeployTimeFunction(fn: lambda.IFunction, reasons: DeployTimeFunctionReasons): void {
  const acknowledgments: Array<[string, string]> = [
    ['HIPAA.Security::HIPAA.Security-LambdaInsideVPC', reasons.outsideVpc],
    ['NIST.800.53.R5::NIST.800.53.R5-LambdaInsideVPC', reasons.outsideVpc],
    ['PCI.DSS.321::PCI.DSS.321-LambdaInsideVPC', reasons.outsideVpc],
    ['cdk-validator-cfnguard::lambda_inside_vpc_check', reasons.outsideVpc],
    ['HIPAA.Security::HIPAA.Security-LambdaDLQ', NO_DLQ_REASON],
    ['NIST.800.53.R5::NIST.800.53.R5-LambdaDLQ', NO_DLQ_REASON],
    ['HIPAA.Security::HIPAA.Security-LambdaConcurrency', NO_RESERVED_CONCURRENCY_REASON],
    ['NIST.800.53.R5::NIST.800.53.R5-LambdaConcurrency', NO_RESERVED_CONCURRENCY_REASON],
  ];
  for (const [id, reason] of acknowledgments) {
    Validations.of(fn).acknowledge({ id, reason });
  }
}
