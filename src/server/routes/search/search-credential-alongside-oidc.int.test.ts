import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import {
  type OidcProvider,
  signInThroughProvider,
  startOidcProvider,
} from '../../../../test/http/oidc-provider.ts';
import { searchAs } from '../../../../test/http/search-scene.ts';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { credentialsRepository } from '../../../storage/repositories/credentials-repository.ts';
import { searchRepository } from '../../../storage/repositories/search-repository.ts';

// The identity provider decides an account's role at every sign-in through it. A search beside
// the credential check must then start as the account is now, in every browser of the account,
// not as it was when one of them last searched.
describeEachDatabase(
  'search: the credential check after a sign-in through the provider',
  (kind) => {
    let provider: OidcProvider | undefined;
    let server: TestServer;
    let admin: ApiClient;
    const beside = kind === 'postgres';

    beforeAll(async () => {
      provider = await startOidcProvider();
      server = await startTestServer(kind, undefined, { oidc: provider.settings });
      admin = await server.setUpAdmin();
    });
    afterAll(async () => {
      provider?.stop();
      await server?.close();
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    /** Records, in order, each session lookup and each search (with the role it ran as). */
    const recordCalls = () => {
      const calls: string[] = [];
      const search = searchRepository.search.bind(searchRepository);
      const lookup = credentialsRepository.findLiveSession.bind(credentialsRepository);
      vi.spyOn(searchRepository, 'search').mockImplementation((db, actor, query) => {
        calls.push(`search as ${actor.role}`);
        return search(db, actor, query);
      });
      vi.spyOn(credentialsRepository, 'findLiveSession').mockImplementation((...args) => {
        calls.push('session');
        return lookup(...args);
      });
      return calls;
    };

    it('starts the next search as the role the provider gave, not as the one remembered', async () => {
      const created = await admin.post('/api/v1/users', {
        email: 'sam@example.com',
        name: 'Sam Responder',
        password: 'correct horse battery staple',
        role: 'viewer',
      });
      expect(created.statusCode, created.body).toBe(201);
      // Signed in with a password in one browser, which searched as a viewer.
      const sam = await server.signIn('sam@example.com');
      await searchAs(sam, 'q=pool');
      const calls = recordCalls();
      await searchAs(sam, 'q=pool');
      expect(calls).toEqual(
        beside ? ['search as viewer', 'session'] : ['session', 'search as viewer'],
      );

      // In another browser, the provider's groups (sre) make the account a member.
      const signedIn = await signInThroughProvider(server, 'sam');
      expect(signedIn.statusCode, signedIn.body).toBe(302);
      calls.length = 0;
      await searchAs(sam, 'q=pool');
      expect(calls).toEqual(['session', 'search as member']);
      calls.length = 0;
      await searchAs(sam, 'q=pool');
      expect(calls).toEqual(
        beside ? ['search as member', 'session'] : ['session', 'search as member'],
      );
    });
  },
);
