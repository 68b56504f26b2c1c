import { fail } from '../../../../shared/contract';
import { defineHandlers } from '../../api/types';

const todo = (): never => {
  throw fail.notFound();
};

export const figuresHandlers = defineHandlers({
  'figures.get': todo,
  'figures.export': todo,
});
