import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** Where the effective policy came from: the built-in default, or a file laid over it. */
export interface PolicySource {
  /** The policy file, or null for the built-in policy alone. */
  file: string | null;
  /** How the file was named: the `--policy` flag or the `DEBRIEF_POLICY` variable. */
  via: 'flag' | 'environment' | null;
  /** The top-level settings the file sets; every other one is the built-in default. */
  keysFromFile: string[];
}

/**
 * Describes the policy's origin for the read-only policy page. Called after the file was
 * loaded and validated, so reading it again only lists its top-level keys.
 */
export function describePolicySource(
  flagPath: string | undefined,
  envPath: string | undefined,
): PolicySource {
  const file = flagPath ?? envPath;
  if (!file) {
    return { file: null, via: null, keysFromFile: [] };
  }
  const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
  const keys = parsed && typeof parsed === 'object' ? Object.keys(parsed as object) : [];
  return { file, via: flagPath ? 'flag' : 'environment', keysFromFile: keys.sort() };
}
