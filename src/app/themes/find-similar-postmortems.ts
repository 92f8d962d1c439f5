import { rankSimilar } from '../../analysis/themes/rank-similar.ts';
import { DomainError } from '../../domain/errors.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { themeCandidatesRepository } from '../../storage/repositories/theme-candidates-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** A past postmortem like the one at hand, with how similar (0–1) and the incidents it reviewed. */
export interface SimilarPostmortem {
  id: string;
  title: string;
  score: number;
  incidentNumbers: string[];
}

const allTime = { since: new Date(0), until: new Date('9999-12-31T00:00:00Z') };

/**
 * Past postmortems the actor may see that resemble an incident (or a postmortem's incidents):
 * by words, services and factor categories, best first, the target's own reviews left out.
 */
export async function findSimilarPostmortems(
  deps: AppDeps,
  actor: Actor,
  target: { incidentId: string } | { postmortemId: string },
): Promise<SimilarPostmortem[]> {
  let incidentIds: string[];
  let ownPostmortemIds: string[] = [];
  if ('incidentId' in target) {
    const incident = await incidentsRepository.findVisibleIncident(
      deps.db,
      actor,
      target.incidentId,
    );
    if (!incident) {
      throw new DomainError('NOT_FOUND', 'Incident not found.');
    }
    incidentIds = [incident.id];
  } else {
    const postmortem = await postmortemsRepository.findVisiblePostmortem(
      deps.db,
      actor,
      target.postmortemId,
    );
    if (!postmortem) {
      throw new DomainError('NOT_FOUND', 'Postmortem not found.');
    }
    incidentIds = postmortem.incidentIds;
    ownPostmortemIds = [postmortem.id];
  }
  const rows = await themeCandidatesRepository.listIncidents(deps.db, actor, allTime);
  const targets = rows.filter((row) => incidentIds.includes(row.id));
  for (const row of targets) {
    ownPostmortemIds.push(...row.postmortemIds);
  }
  // One comparable per past postmortem: the words, services and causes of all its incidents.
  const reviews = new Map<
    string,
    {
      id: string;
      title: string;
      text: string;
      services: string[];
      factorCategories: string[];
      numbers: number[];
    }
  >();
  for (const row of rows) {
    row.postmortemIds.forEach((postmortemId, index) => {
      if (ownPostmortemIds.includes(postmortemId)) {
        return;
      }
      const review = reviews.get(postmortemId) ?? {
        id: postmortemId,
        title: row.postmortemTitles[index] ?? row.title,
        text: '',
        services: [],
        factorCategories: [],
        numbers: [],
      };
      review.text = [review.text, row.title, row.summary, row.reviewText].join('\n');
      review.services = [...new Set([...review.services, ...row.services])];
      review.factorCategories = [...new Set([...review.factorCategories, ...row.factorCategories])];
      review.numbers.push(row.number);
      reviews.set(postmortemId, review);
    });
  }
  const subject = {
    title: targets.map((row) => row.title).join('\n'),
    text: targets.map((row) => [row.summary, row.reviewText].join('\n')).join('\n'),
    services: [...new Set(targets.flatMap((row) => row.services))],
    factorCategories: [...new Set(targets.flatMap((row) => row.factorCategories))],
  };
  return rankSimilar(subject, [...reviews.values()]).map((match) => {
    const review = reviews.get(match.id);
    return {
      id: match.id,
      title: review?.title ?? '',
      score: match.score,
      incidentNumbers: [...new Set(review?.numbers ?? [])]
        .sort((a, b) => a - b)
        .map(formatRecordNumber),
    };
  });
}
