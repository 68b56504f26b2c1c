import { Rng } from '../../electron/backend/cli/fictional/prng';
import { summarise, timeEach, type Bench, type BenchResult } from './harness';

const QUERIES = 200;
const BUDGET_MS = 20;

interface Sample {
  name: string;
  name_initials: string;
  phone: string | null;
  id_number: string | null;
}

/** What the desk types, drawn from the dataset: initials, a whole name, part of a name, a phone or ID fragment. */
function queries(rows: Sample[]): Record<string, string[]> {
  const rng = new Rng(4242);
  const draw = (f: (r: Sample) => string | null) => {
    const out: string[] = [];
    while (out.length < QUERIES) {
      const q = f(rng.pick(rows));
      if (q) out.push(q);
    }
    return out;
  };
  return {
    initials: draw((r) => r.name_initials),
    fullName: draw((r) => r.name),
    nameFragment: draw((r) => Array.from(r.name).slice(1).join('') || null),
    phoneFragment: draw((r) => {
      if (!r.phone) return null;
      const digits = r.phone.replace(/\D/g, '');
      const len = rng.int(4, 6);
      const start = rng.int(0, digits.length - len);
      return digits.slice(start, start + len);
    }),
    // The desk usually asks for the last six characters of the ID number.
    idFragment: draw((r) => (r.id_number ? r.id_number.slice(-6) : null)),
  };
}

export const residentsBench: Bench = {
  name: 'residents',
  async run(ctx) {
    const { backend } = await ctx.backend();
    const rows = backend.db.prepare('SELECT name, name_initials, phone, id_number FROM residents WHERE voided_at IS NULL').all() as Sample[];
    const results: BenchResult[] = [];
    for (const [kind, qs] of Object.entries(queries(rows))) {
      const samples = await timeEach(qs, (q) => ctx.call('residents.search', { q }));
      results.push(summarise(`residents.search.${kind}`, samples, BUDGET_MS));
    }
    return results;
  },
};
