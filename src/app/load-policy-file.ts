import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ZodError } from 'zod';
import { resolvePolicy } from '../contracts/policy.ts';
import { defaultPolicy, type Policy } from '../domain/policy.ts';

/** A policy file that cannot be used, with every problem found in it. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';
  constructor(
    readonly path: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid policy file ${path}:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
  }
}

/**
 * Reads and validates a policy file (JSON or YAML; YAML is a superset of JSON), laid over the
 * default policy. No path means the default policy. Throws PolicyFileError listing every
 * problem, so that a bad file stops the server at startup with a clear message.
 */
export function loadPolicyFile(path: string | undefined): Policy {
  if (!path) {
    return defaultPolicy;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new PolicyFileError(path, [(cause as Error).message], { cause });
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { prettyErrors: true });
  } catch (cause) {
    throw new PolicyFileError(path, [`not valid YAML or JSON: ${(cause as Error).message}`], {
      cause,
    });
  }
  if (
    parsed !== null &&
    parsed !== undefined &&
    (typeof parsed !== 'object' || Array.isArray(parsed))
  ) {
    throw new PolicyFileError(path, ['the file must hold a mapping of policy sections']);
  }
  try {
    return resolvePolicy(parsed);
  } catch (cause) {
    if (cause instanceof ZodError) {
      throw new PolicyFileError(
        path,
        cause.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
        { cause },
      );
    }
    throw cause;
  }
}
