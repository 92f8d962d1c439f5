import type { ActionItem } from '../../domain/action-item.ts';

/** An action item for detector tests: complete and open unless overridden. */
export function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'item-1',
    postmortemId: 'pm-1',
    title: 'Add a saturation alert on the checkout queue',
    kind: 'detect',
    ownerName: 'Sam',
    ownerUserId: null,
    dueDate: '2026-12-01',
    successCriterion: 'Confirmed in place by the owner',
    status: 'open',
    wontDoReason: null,
    trackerUrl: null,
    trackerKey: null,
    verificationEvidence: null,
    linkedFactorIds: [],
    linkedWhyNodeIds: [],
    reliesOnServices: [],
    verificationNote: null,
    verifiedAt: null,
    verifiedById: null,
    priority: 'p2',
    team: null,
    services: [],
    isIdea: false,
    version: 1,
    createdAt: new Date('2026-11-02T09:00:00Z'),
    updatedAt: new Date('2026-11-02T09:00:00Z'),
    ...overrides,
  };
}
