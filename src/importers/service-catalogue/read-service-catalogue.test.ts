import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import { readServiceCatalogue } from './read-service-catalogue.ts';

const backstage = ['catalog-info.yaml', 'chat/catalog-info.yaml'].map((path) => ({
  path,
  text: readFileSync(ownFixture(`catalogue/backstage/${path}`), 'utf8'),
}));

describe('readServiceCatalogue', () => {
  it('reads Backstage components, resources and systems with their dependencies and owners', () => {
    const { services, skipped } = readServiceCatalogue(backstage);
    expect(services).toEqual([
      {
        name: 'notifications',
        description: 'Pages and chat messages to the on-call',
        dependsOn: ['alerting', 'chat-gateway'],
        team: 'sre',
      },
      {
        name: 'alerting',
        description: 'Turns alerts into pages and chat posts',
        dependsOn: ['chat-gateway'],
        team: 'sre',
      },
      {
        name: 'chat-gateway',
        description: 'Posts to the chat workspace',
        dependsOn: ['slack-proxy', 'proxy-egress-ip'],
        team: 'chat-platform',
      },
      {
        name: 'slack-proxy',
        description: 'Outbound proxy to the chat vendor',
        dependsOn: ['proxy-egress-ip'],
        team: null,
      },
      {
        name: 'proxy-egress-ip',
        description: 'The static egress address the vendor allow-lists',
        dependsOn: [],
        team: 'chat-platform',
      },
    ]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'API alerting-api is not a service',
      'Group sre is not a service',
      'chat-gateway depends on api:default/chat-vendor-api, not a service',
    ]);
  });

  it("reads Debrief's own JSON, with depends_on as well as dependsOn", () => {
    const { services } = readServiceCatalogue([
      {
        path: 'services.json',
        text: '{"services":[{"name":"a","depends_on":["b"]},{"name":"b","dependsOn":[]}]}',
      },
    ]);
    expect(services).toEqual([
      { name: 'a', dependsOn: ['b'] },
      { name: 'b', dependsOn: [] },
    ]);
  });

  it('refuses a YAML document that is not an entity, naming the file and document', () => {
    const error = (() => {
      try {
        return readServiceCatalogue([{ path: 'x.yaml', text: 'kind: Component\n---\n- a list\n' }]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(isDomainError(error) && error.message).toContain('x.yaml#1');
  });
});
