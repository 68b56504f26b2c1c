import { fillCommunity } from '../../../electron/backend/cli/fictional/community';
import type { DatasetGenerator } from './types';

const AREAS = ['东片区', '西片区', '南片区', '北片区', '中心片区', '滨河片区', '新城片区', '老城片区'];

/** A large community like the one in SPEC §1 (30,000+ residents), made bigger: 8 areas, 120 grids, 50,000 residents over ten years. */
export const communityGenerator: DatasetGenerator = {
  name: 'community',
  version: 1,
  run(db, now) {
    const r = fillCommunity(db, now, {
      seed: 10_000_050,
      areas: AREAS.map((name) => ({ name, grids: 15 })),
      buildingsPerGrid: [8, 16],
      residents: 50_000,
      historyYears: 10,
    });
    return { grids: AREAS.length * 15, buildings: r.buildings, residents: r.residents };
  },
};
