import type { HandlerSlice } from '../api/registry';
import { listTasks } from './list';
import { cancelTask, getTask } from './task-store';

export const tasksHandlers: HandlerSlice<'tasks.list' | 'tasks.get' | 'tasks.cancel'> = {
  'tasks.list': (input, { workspace }) => listTasks(workspace.db, input),
  'tasks.get': (input, { workspace }) => getTask(workspace.db, input.uuid),
  'tasks.cancel': (input, { workspace, principal }) => cancelTask(workspace.db, input.uuid, principal.name),
};
