import type { BlamelessFinding } from '../../analysis/blameless/find-blameless-findings.ts';
import type { AppDeps } from '../app-deps.ts';
import { loadBlamelessLinter } from '../blameless/load-blameless-linter.ts';

/**
 * Blameless findings for an account, only when its author asks: a personal account is the
 * author's own words and is exempt from the linter otherwise.
 */
export async function lintPersonalAccount(
  deps: Pick<AppDeps, 'policy'>,
  body: string,
  lintRequested: boolean,
): Promise<BlamelessFinding[] | null> {
  if (!lintRequested) {
    return null;
  }
  const { findBlamelessFindings } = await loadBlamelessLinter();
  return findBlamelessFindings([{ field: 'body', text: body }], {
    settings: deps.policy.blameless,
  });
}
