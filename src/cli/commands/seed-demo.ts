import { loadDemo } from '../../app/demo/load-demo.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import { printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

/** `debrief seed demo`. */
export async function seedDemo(
  options: RuntimeOptions & { as?: string; json: boolean },
): Promise<void> {
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const { incident, postmortem } = await loadDemo(deps, actor);
    printResult(options.json, { incidentId: incident.id, postmortemId: postmortem.id }, () => [
      `Loaded demo incident #${formatRecordNumber(incident.number)} and its postmortem #${formatRecordNumber(postmortem.number)}.`,
      `Open /postmortems/${postmortem.id} in the web app.`,
    ]);
  });
}
