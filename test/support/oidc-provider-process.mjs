// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the sign-in
// test: `node oidc-provider-process.mjs <redirect URI>` prints `issuer <url>` once it listens.
// Three people, signing in with any password through the provider's own login page: ada
// (groups debrief-admins, sre), sam (sre), vic (contractors, which maps to no role).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const [redirectUri] = process.argv.slice(2);
const people = {
  ada: { name: 'Ada Admin', groups: ['debrief-admins', 'sre'] },
  sam: { name: 'Sam Responder', groups: ['sre'] },
  vic: { name: 'Vic Visitor', groups: ['contractors'] },
};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'debrief',
      client_secret: 'debrief-loopback-secret',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  findAccount: async (_ctx, id) => {
    const person = people[id];
    return (
      person && {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: `${id}@example.com`,
          email_verified: true,
          name: person.name,
          groups: person.groups,
        }),
      }
    );
  },
  // Debrief is a first-party client: grant what it asks without a consent page.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile groups');
    grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
    await grant.save();
    return grant;
  },
  cookies: { keys: ['debrief-loopback-cookie-key'] },
  features: { devInteractions: { enabled: true } },
});
// The development login page is what the test drives; its start-up notice is expected.
provider.on('server_error', (_ctx, error) => process.stderr.write(`${error.stack}\n`));
server.on('request', provider.callback());
process.stdout.write(`issuer ${issuer}\n`);
