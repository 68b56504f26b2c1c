import { setImmediate as yieldToDesk } from 'node:timers/promises';
import type { Topic } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { CountyHttp, CountyTarget } from './httpClient';
import { SyncFailure } from './httpClient';
import { DOWN_STREAMS, LIMITS, pullResponse, type DownStream } from './protocol';

export type PageApplier = (
  db: Db,
  stream: DownStream,
  records: unknown[],
  cursor: string | null,
  now: number,
) => { applied: number; skipped: number; parked: number; topics: Topic[] };

export interface PullDeps {
  db: Db;
  http: CountyHttp;
  target: CountyTarget;
  apply: PageApplier;
  resetCursor: (db: Db, stream: DownStream) => void;
  now: () => number;
  /** The streams the county serves (from hello); others are not asked for. */
  countyStreams: readonly string[];
  onTopics: (topics: Topic[]) => void;
  signal?: AbortSignal;
}

/** Pages per stream in one cycle: a county that always says `more` cannot keep the engine here. */
const MAX_PAGES = 400;

export function readCursor(db: Db, stream: string): string | null {
  return (db.prepare(`SELECT cursor FROM sync_cursors WHERE stream = ?`).get(stream) as { cursor: string | null } | undefined)?.cursor ?? null;
}

/**
 * Every stream from its stored cursor until the county says there is no more. Each page is applied
 * with its cursor in one transaction (applyPulledPage), so a kill between pages resumes at the last
 * applied page. A cursor the county no longer knows starts that stream again from the beginning;
 * records already applied are skipped by their revision.
 */
export async function pullAll(deps: PullDeps): Promise<number> {
  let applied = 0;
  for (const stream of DOWN_STREAMS.filter((s) => deps.countyStreams.includes(s))) {
    let resets = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const cursor = readCursor(deps.db, stream);
      const query = `/v1/pull?stream=${encodeURIComponent(stream)}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}&limit=${LIMITS.pullPageMax}`;
      let body: unknown;
      try {
        body = await deps.http.call(deps.target, 'GET', query, undefined, deps.signal);
      } catch (e) {
        if (e instanceof SyncFailure && e.code === 'cursor_unknown' && resets < 2) {
          resets++;
          deps.resetCursor(deps.db, stream);
          deps.db
            .prepare(`INSERT INTO sync_log (at, direction, stream, count, detail) VALUES (?, 'down', ?, 0, 'cursor_unknown: starting the stream again')`)
            .run(deps.now(), stream);
          continue;
        }
        throw e;
      }
      const parsed = pullResponse.safeParse(body);
      if (!parsed.success || parsed.data.stream !== stream) throw new SyncFailure('bad_response', `pull answer for ${stream} of the wrong shape`, true);
      const r = deps.apply(deps.db, stream, parsed.data.records, parsed.data.cursor, deps.now());
      applied += r.applied;
      if (r.topics.length) deps.onTopics(r.topics);
      if (!parsed.data.more) break;
      await yieldToDesk();
    }
  }
  return applied;
}
