import { type BoardItem, isOverdue } from '../../domain/action-item-board.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';

/** A board row as JSON: ISO instants and whether it is overdue today. */
export function presentBoardItem(item: BoardItem, today: string) {
  return {
    ...item,
    postmortemNumber: formatRecordNumber(item.postmortemNumber),
    overdue: isOverdue(item, today),
    verifiedAt: item.verifiedAt?.toISOString() ?? null,
    updatedAt: item.updatedAt.toISOString(),
  };
}
