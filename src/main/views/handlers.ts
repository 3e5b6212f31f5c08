import type { HandlerSlice } from '../api/registry';
import { deleteView, getView, listViews, saveView } from './saved-views';

export const viewsHandlers: HandlerSlice<'views.get' | 'views.list' | 'views.save' | 'views.delete'> = {
  'views.get': ({ screen, name }, { workspace }) => ({ view: getView(workspace.db, screen, name) }),
  'views.list': ({ screen }, { workspace }) => ({ views: listViews(workspace.db, screen) }),
  'views.save': (input, { workspace }) => saveView(workspace.db, input),
  'views.delete': ({ screen, name }, { workspace }) => deleteView(workspace.db, screen, name),
};
