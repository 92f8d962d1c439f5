import {
  addOpenQuestion,
  removeOpenQuestion,
  updateOpenQuestion,
} from '../../../app/facilitation/open-questions.ts';
import {
  createOpenQuestionBodySchema,
  openQuestionSchema,
  updateOpenQuestionBodySchema,
} from '../../../contracts/facilitation.ts';
import { openQuestionsRepository } from '../../../storage/repositories/open-questions-repository.ts';
import { registerPartRoutes } from '../parts/part-routes.ts';
import type { RouteContext } from '../route-context.ts';

/** Open questions and disagreements of the analysis meeting: the parts' CRUD shape. */
export function registerOpenQuestionRoutes(context: RouteContext): void {
  registerPartRoutes(context, {
    name: 'open-questions',
    itemSchema: openQuestionSchema,
    createBody: createOpenQuestionBodySchema,
    updateBody: updateOpenQuestionBodySchema,
    list: openQuestionsRepository.listForPostmortem,
    create: addOpenQuestion,
    update: updateOpenQuestion,
    remove: removeOpenQuestion,
  });
}
