import type { LiveViewer } from './use-live-postmortem.ts';

/** Who else has this postmortem open right now (the signed-in person left out). */
export function PresenceList({ viewers, selfId }: { viewers: LiveViewer[]; selfId: string }) {
  const others = viewers.filter((viewer) => viewer.userId !== selfId);
  return (
    <p className="muted" aria-live="polite" data-testid="presence">
      {others.length === 0
        ? 'Nobody else is viewing this postmortem.'
        : `Also viewing: ${others.map((viewer) => viewer.name).join(', ')}`}
    </p>
  );
}
