import { changePostmortemPhase } from '../../app/postmortems/change-postmortem-phase.ts';
import { openPostmortem } from '../../app/postmortems/open-postmortem.ts';
import { getPostmortem } from '../../app/postmortems/read-postmortems.ts';
import { createPostmortemBodySchema, transitionBodySchema } from '../../contracts/postmortem.ts';
import { DomainError } from '../../domain/errors.ts';
import { nextPhase } from '../../domain/postmortem-phase.ts';
import { presentPostmortem } from '../../server/presenters/present-postmortem.ts';
import { printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface CommonOptions extends RuntimeOptions {
  as?: string;
  json: boolean;
}

function describe(data: ReturnType<typeof presentPostmortem>['data']): string[] {
  return [
    `Postmortem #${data.number} ${data.id}`,
    `  ${data.title}`,
    `  phase: ${data.phase} (${data.severity}, ${data.scope})`,
    ...data.deadlines.map(
      (d) =>
        `  ${d.phase} due ${d.dueOn}${d.reached ? ' (reached)' : d.overdue ? ' (OVERDUE)' : ''}`,
    ),
    data.nextPhase
      ? data.unmetForNextPhase.length === 0
        ? `  ready for ${data.nextPhase}`
        : `  before ${data.nextPhase}:\n${data.unmetForNextPhase.map((u) => `    - ${u.code}: ${u.message}`).join('\n')}`
      : '  closed',
  ];
}

/** `debrief postmortem open <incident-id...>`. */
export async function postmortemOpen(
  incidentIds: string[],
  options: CommonOptions & { title?: string },
): Promise<void> {
  const input = createPostmortemBodySchema.parse({ incidentIds, title: options.title });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const postmortem = await openPostmortem(deps, actor, input);
    const { data } = presentPostmortem(await getPostmortem(deps, actor, postmortem.id), actor);
    printResult(options.json, data, () => describe(data));
  });
}

/** `debrief postmortem show <id>`. */
export async function postmortemShow(id: string, options: CommonOptions): Promise<void> {
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const { data } = presentPostmortem(await getPostmortem(deps, actor, id), actor);
    printResult(options.json, data, () => describe(data));
  });
}

/** `debrief postmortem advance <id> [--to PHASE] [--reason TEXT]`: the next phase by default. */
export async function postmortemAdvance(
  id: string,
  options: CommonOptions & { to?: string; reason?: string },
): Promise<void> {
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const current = await getPostmortem(deps, actor, id);
    const to = options.to ?? nextPhase(current.postmortem.phase);
    if (!to) {
      throw new DomainError(
        'TRANSITION_NOT_ALLOWED',
        'The postmortem is closed; pass --to to re-open it.',
      );
    }
    const input = transitionBodySchema.parse({ to, reason: options.reason });
    await changePostmortemPhase(deps, actor, id, current.postmortem.version, input);
    const { data } = presentPostmortem(await getPostmortem(deps, actor, id), actor);
    printResult(options.json, data, () => [`Moved to ${data.phase}.`, ...describe(data)]);
  });
}
