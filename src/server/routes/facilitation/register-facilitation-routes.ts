import type { RouteContext } from '../route-context.ts';
import { registerMeetingRoutes } from './meeting-routes.ts';
import { registerOpenQuestionRoutes } from './open-question-routes.ts';

/** Everything the analysis meeting needs: agenda, meeting record, open questions. */
export function registerFacilitationRoutes(context: RouteContext): void {
  registerOpenQuestionRoutes(context);
  registerMeetingRoutes(context);
}
