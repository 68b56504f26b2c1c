import { fail } from '../../../../shared/contract';
import { defineHandlers } from '../../api/types';

const todo = (): never => {
  throw fail.notFound();
};

export const requestsHandlers = defineHandlers({
  'requests.create': todo,
  'requests.get': todo,
  'requests.list': todo,
  'requests.export': todo,
  'requests.todo': todo,
  'requests.todoCounts': todo,
  'requests.reroute': todo,
  'requests.start': todo,
  'requests.resolve': todo,
  'requests.feedback': todo,
  'requests.void': todo,
});
