import { useCallback, useState } from 'react';
import { type CreatedIntegration, settingsApi } from '../../api/settings-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { CreateIntegrationForm } from './CreateIntegrationForm.tsx';
import { DeliveriesList } from './DeliveriesList.tsx';
import { integrationLabels } from './integration-labels.ts';
import { sendTestDelivery, testableKinds } from './send-test-delivery.ts';

const loadAll = () => Promise.all([settingsApi.listIntegrations(), settingsApi.listDeliveries()]);

/** Webhook integrations: create one per sender, its URL shown once, a test, the last deliveries. */
export function IntegrationsPage() {
  const load = useCallback(loadAll, []);
  const state = useResource(load);
  const [created, setCreated] = useState<CreatedIntegration | null>(null);
  const test = useSubmit();
  const revoke = useSubmit();
  const [testStatus, setTestStatus] = useState('');

  const runTest = async (path: string) => {
    setTestStatus('');
    const status = await test.run(() => sendTestDelivery(path));
    setTestStatus(status === undefined ? '' : `Test delivery sent; the server answered ${status}.`);
    await state.reload();
  };
  const handleRevoke = async (id: string) => {
    if (await revoke.run(() => settingsApi.revokeIntegration(id))) {
      await state.reload();
    }
  };

  const deliveries = state.data?.[1].data ?? [];
  return (
    <>
      <h2>Integrations</h2>
      <p className="muted">
        Alerts, pages and status updates sent to these webhook URLs become incident signals and
        proposed timeline events, as the intake policy says.
      </p>
      <CreateIntegrationForm
        onCreated={(integration) => {
          setCreated(integration);
          void state.reload();
        }}
      />
      {created && (
        <>
          <SecretOnce
            label={`Webhook URL of ${created.name}`}
            value={`${window.location.origin}${created.webhookPath}`}
            note="paste it into the sender now: it holds a token that is not shown again"
          />
          {testableKinds.has(created.kind) && (
            <div className="actions">
              <button
                type="button"
                onClick={() => void runTest(created.webhookPath)}
                disabled={test.pending}
              >
                Send a test delivery
              </button>
              <span role="status">{testStatus}</span>
            </div>
          )}
        </>
      )}
      <ProblemAlert problem={test.problem ?? revoke.problem} />
      {!state.data ? (
        <LoadState problem={state.problem} onRetry={state.reload} />
      ) : state.data[0].data.length === 0 ? (
        <p className="empty">No integrations yet.</p>
      ) : (
        state.data[0].data.map((integration) => (
          <section key={integration.id} className="card" aria-label={integration.name}>
            <div className="section-heading">
              <h3>
                {integration.name}{' '}
                <span className="tag">{integrationLabels[integration.kind]}</span>
                {integration.signed && <span className="tag">Signed deliveries</span>}
                {integration.revokedAt && <span className="tag">Revoked</span>}
              </h3>
              {!integration.revokedAt && (
                <button
                  type="button"
                  className="secondary"
                  disabled={revoke.pending}
                  onClick={() => void handleRevoke(integration.id)}
                >
                  Revoke {integration.name}
                </button>
              )}
            </div>
            <p className="muted">Created {formatInstant(integration.createdAt)}</p>
            <h4>Last deliveries</h4>
            <DeliveriesList
              name={integration.name}
              deliveries={deliveries.filter((d) => d.integrationId === integration.id).slice(0, 5)}
            />
          </section>
        ))
      )}
    </>
  );
}
