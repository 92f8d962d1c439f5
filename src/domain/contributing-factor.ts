/** A condition that shaped the outcome; root causes are the ones whose removal prevents recurrence. */
export interface ContributingFactor {
  id: string;
  postmortemId: string;
  description: string;
  /** A key of the policy's factor taxonomy. */
  category: string;
  isRootCause: boolean;
  /** A root cause with no action item must say why the risk is accepted. */
  acceptedRiskReason: string | null;
  version: number;
  createdAt: Date;
}
