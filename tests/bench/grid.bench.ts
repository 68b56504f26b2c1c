import { summarise, timeEach, type Bench } from './harness';

export const gridBench: Bench = {
  name: 'grid',
  async run(ctx) {
    const samples = await timeEach(Array.from({ length: 50 }), () => ctx.call('grid.tree', {}), 5);
    return [summarise('grid.tree', samples, 50)];
  },
};
