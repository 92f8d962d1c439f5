import {
  type BlamelessFinding,
  findBlamelessFindings,
} from '../../analysis/blameless/find-blameless-findings.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * Blameless findings for an account, only when its author asks: a personal account is the
 * author's own words and is exempt from the linter otherwise.
 */
export function lintPersonalAccount(
  deps: Pick<AppDeps, 'policy'>,
  body: string,
  lintRequested: boolean,
): BlamelessFinding[] | null {
  if (!lintRequested) {
    return null;
  }
  return findBlamelessFindings([{ field: 'body', text: body }], {
    settings: deps.policy.blameless,
  });
}
