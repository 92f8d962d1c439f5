import type { User } from '../domain/user.ts';

/** How many credentials a server remembers the account of, the least recently used forgotten. */
export const presumedAccountsMax = 10_000;

/**
 * The account each recently accepted credential (a session's or an API token's secret, by its
 * hash) belonged to when it was last checked. It decides nothing about access: a route that
 * overlaps its work with the credential check (`authenticateAlongside`) starts that work as this
 * account and still answers only once the check has accepted the credential for the same
 * account. A credential not met before is checked first, so a stranger's guess starts no work.
 */
export class PresumedAccounts {
  readonly #byHash = new Map<string, User>();
  /** Credentials whose presumed read has started and whose check has not ended. */
  readonly #inCheck = new Set<string>();

  constructor(private readonly max = presumedAccountsMax) {}

  /**
   * The account the credential belonged to when last accepted, if remembered and no other read
   * presumed on it awaits its check: one at a time, so a burst of requests with a credential
   * refused since starts one read, not one each.
   */
  presume(credentialHash: string): User | undefined {
    const user = this.#byHash.get(credentialHash);
    if (!user || this.#inCheck.has(credentialHash)) {
      return undefined;
    }
    this.#inCheck.add(credentialHash);
    return user;
  }

  /** Notes who an accepted credential belongs to (and that it was just used). */
  remember(credentialHash: string, user: User): void {
    this.#inCheck.delete(credentialHash);
    this.#byHash.delete(credentialHash);
    this.#byHash.set(credentialHash, user);
    if (this.#byHash.size > this.max) {
      const oldest = this.#byHash.keys().next().value;
      if (oldest !== undefined) {
        this.forget(oldest);
      }
    }
  }

  /** Forgets a credential that was refused or ended. */
  forget(credentialHash: string): void {
    this.#inCheck.delete(credentialHash);
    this.#byHash.delete(credentialHash);
  }

  /** Forgets every credential of an account (its tokens revoked, its role changed, …). */
  forgetAccount(userId: string): void {
    for (const [credentialHash, user] of this.#byHash) {
      if (user.id === userId) {
        this.forget(credentialHash);
      }
    }
  }

  /** How many credentials are remembered. */
  get size(): number {
    return this.#byHash.size;
  }
}

/**
 * Whether work done as `presumed` is the work `actual` asked for: the same account, unchanged in
 * every field (role and state decide what it may see; name and e-mail may be in the answer).
 */
export function sameAccount(presumed: User, actual: User): boolean {
  return (
    presumed.id === actual.id &&
    presumed.role === actual.role &&
    presumed.disabled === actual.disabled &&
    presumed.email === actual.email &&
    presumed.name === actual.name &&
    presumed.createdAt.getTime() === actual.createdAt.getTime()
  );
}

/** A credential check not yet done, and whom the credential belonged to when last accepted. */
export interface PendingAuthentication {
  presumed: User;
  /**
   * Starts the check (once; later calls return the same promise), which settles when it ends
   * and rejects with the refusal (401, 403) if it refuses.
   */
  check(): Promise<void>;
}
