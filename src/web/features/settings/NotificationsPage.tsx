import { type FormEvent, useEffect, useState } from 'react';
import { notificationSettingsApi } from '../../api/notifications-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusNote } from '../../components/StatusNote.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';

const sharedLabels: Record<string, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  webhook: 'a webhook',
};

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The signed-in person's notification settings: e-mail on or off, and quiet hours during which
 * e-mail waits. Reminders always show in the app, whatever is chosen here.
 */
export function NotificationsPage() {
  const channels = useResource(notificationSettingsApi.channels);
  const preferences = useResource(notificationSettingsApi.preferences);
  const [emailEnabled, setEmailEnabled] = useState(true);
  const [quiet, setQuiet] = useState(false);
  const [start, setStart] = useState('22:00');
  const [end, setEnd] = useState('07:00');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [saved, setSaved] = useState(false);
  const save = useSubmit();

  useEffect(() => {
    const current = preferences.data?.data;
    if (current) {
      setEmailEnabled(current.emailEnabled);
      setQuiet(current.quietHours !== null);
      if (current.quietHours) {
        setStart(current.quietHours.start);
        setEnd(current.quietHours.end);
        setTimeZone(current.quietHours.timeZone);
      }
    }
  }, [preferences.data]);

  if (!channels.data || !preferences.data) {
    return (
      <LoadState
        problem={channels.problem ?? preferences.problem}
        onRetry={() => void Promise.all([channels.reload(), preferences.reload()])}
      />
    );
  }
  const { email, shared } = channels.data.data;
  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await save.run(() =>
      notificationSettingsApi.savePreferences({
        emailEnabled,
        quietHours: quiet ? { start, end, timeZone } : null,
      }),
    );
    if (result) {
      setSaved(true);
      await preferences.reload();
    }
  };

  return (
    <>
      <h2>Notifications</h2>
      <p className="muted">
        Reminders about your action items and reviews always show on the Action items page.{' '}
        {email
          ? 'This server also sends them by e-mail.'
          : 'This server has no mail server configured: nothing is e-mailed until an admin sets one up.'}{' '}
        {shared.length > 0
          ? `Reviews anyone may read are also announced to ${shared.map((kind) => sharedLabels[kind] ?? kind).join(', ')}.`
          : ''}
      </p>
      <form className="form card" onSubmit={handleSave} aria-label="Notification settings">
        <fieldset>
          <legend>Channels</legend>
          <Checkbox
            label="E-mail me reminders, escalations and digests"
            checked={emailEnabled}
            onChange={setEmailEnabled}
          />
        </fieldset>
        <fieldset>
          <legend>Quiet hours</legend>
          <Checkbox label="Hold e-mail during quiet hours" checked={quiet} onChange={setQuiet} />
          {quiet && (
            <div className="row">
              <Field label="From" required>
                <input
                  type="time"
                  value={start}
                  onChange={(e) => setStart(e.target.value)}
                  required
                />
              </Field>
              <Field label="Until" required hint="May cross midnight, e.g. 22:00 until 07:00.">
                <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />
              </Field>
              <Field label="Time zone" required hint="An IANA zone, e.g. Europe/Berlin.">
                <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} required />
              </Field>
            </div>
          )}
        </fieldset>
        <ProblemAlert
          problem={save.problem}
          fieldLabels={{
            emailEnabled: 'E-mail',
            'quietHours.start': 'From',
            'quietHours.end': 'Until',
            'quietHours.timeZone': 'Time zone',
          }}
        />
        {saved && <StatusNote message="Notification settings saved." />}
        <div className="actions">
          <button type="submit" disabled={save.pending}>
            Save notification settings
          </button>
        </div>
      </form>
    </>
  );
}
