/** What was captured during the analysis meeting: an open question or a disagreement. */
export const openQuestionKinds = ['question', 'disagreement'] as const;
export type OpenQuestionKind = (typeof openQuestionKinds)[number];

export const openQuestionStatuses = ['open', 'resolved'] as const;
export type OpenQuestionStatus = (typeof openQuestionStatuses)[number];

/** A question or disagreement raised in the analysis meeting, kept until resolved. */
export interface OpenQuestion {
  id: string;
  postmortemId: string;
  text: string;
  kind: OpenQuestionKind;
  status: OpenQuestionStatus;
  resolution: string | null;
  version: number;
  createdAt: Date;
}
