/** The five phases of a postmortem, in order; the transition table lives in postmortem-phase.ts. */
export const postmortemPhases = [
  'data_gathering',
  'analysis',
  'documentation',
  'follow_up',
  'closed',
] as const;
export type PostmortemPhase = (typeof postmortemPhases)[number];
