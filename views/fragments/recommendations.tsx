/**
 * Recommended postings for one or more registry workers, with the reasons behind each and, when
 * nothing suits, what would widen it (or why nothing is recommended at all). The bureau's worker
 * and household pages, risk alerts and the cadre's worklist render it; `applyFor` adds the
 * 代办 link (apply on the worker's behalf) for those who may.
 */
import type { RecommendationAnswer, Recommendation } from "../../src/core/recommend/recommend.ts";
import type { MatchingPosting } from "../../db/queries/recommend.ts";
import { messages } from "../messages.ts";
import { reasonText, wideningText } from "../matching-text.ts";

const m = messages.matching;

export interface WorkerAnswer {
  worker: { id: number; name: string };
  answer: RecommendationAnswer<MatchingPosting>;
}

function Hit(props: { hit: Recommendation<MatchingPosting>; applyHref?: string | undefined }) {
  const { hit } = props;
  return (
    <li class="record-card recommendation">
      <p>
        <a href={`/jobs/${encodeURIComponent(hit.posting.code)}`}>{hit.posting.title}</a> <span class="badge">{m.score(hit.score)}</span>
      </p>
      <p class="muted">
        {hit.posting.employerName} · {hit.posting.town}
        {hit.posting.village ? ` · ${hit.posting.village}` : ""}
      </p>
      <ul class="reasons">
        {hit.reasons.map((r) => (
          <li>{reasonText(r)}</li>
        ))}
      </ul>
      {props.applyHref ? (
        <p>
          <a class="button" href={props.applyHref}>
            {m.applyOnBehalf}
          </a>
        </p>
      ) : null}
    </li>
  );
}

/** What one worker is recommended, or the honest empty answer. */
export function WorkerRecommendationList(props: WorkerAnswer & { applyFor?: boolean; showName?: boolean }) {
  const { answer, worker } = props;
  return (
    <section class="worker-recommendations" id={`recommend-${worker.id}`}>
      {props.showName ? <h3>{m.forWhom(worker.name)}</h3> : null}
      {answer.blocked ? (
        <p class="empty">{m.blocked[answer.blocked]}</p>
      ) : answer.hits.length === 0 ? (
        <div class="empty recommend-none">
          <p>{m.none}</p>
          {answer.widen.length > 0 ? (
            <>
              <p>{m.noneWiden}</p>
              <ul>
                {answer.widen.map((w) => (
                  <li>{wideningText(w)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{m.noneNothing}</p>
          )}
        </div>
      ) : (
        <ol class="cards recommendations">
          {answer.hits.map((hit) => (
            <Hit hit={hit} applyHref={props.applyFor ? `/bureau/workers/${worker.id}/apply/${encodeURIComponent(hit.posting.code)}` : undefined} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Recommendations for several members (a household, an alert's job seekers), one list each. */
export function HouseholdRecommendations(props: { items: readonly WorkerAnswer[]; applyFor?: boolean }) {
  return props.items.length === 0 ? (
    <p class="empty">{m.noMembers}</p>
  ) : (
    <>
      {props.items.map((item) => (
        <WorkerRecommendationList {...item} applyFor={props.applyFor ?? false} showName />
      ))}
    </>
  );
}
