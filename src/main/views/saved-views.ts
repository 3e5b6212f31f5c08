import type { SavedView, ViewState } from '../../shared/contract/views';
import type { Database } from '../db/driver';
import { ApiFailure, notFound } from '../api/failure';

// The current setup of a screen is stored under the name '' (the API says null).
const CURRENT = '';

interface ViewRecord {
  screen: string;
  name: string;
  state: string;
  updated_at: string;
}

function toSavedView(record: ViewRecord): SavedView {
  return { screen: record.screen, name: record.name === CURRENT ? null : record.name, state: JSON.parse(record.state) as ViewState, updatedAt: record.updated_at };
}

export function getView(db: Database.Database, screen: string, name: string | null): SavedView | null {
  const record = db.prepare('SELECT * FROM saved_views WHERE screen = ? AND name = ? COLLATE NOCASE').get(screen, name ?? CURRENT) as ViewRecord | undefined;
  return record ? toSavedView(record) : null;
}

export function listViews(db: Database.Database, screen: string): Array<{ name: string; updatedAt: string }> {
  return db
    .prepare("SELECT name, updated_at AS updatedAt FROM saved_views WHERE screen = ? AND name <> '' ORDER BY name COLLATE NOCASE")
    .all(screen) as Array<{ name: string; updatedAt: string }>;
}

export function saveView(db: Database.Database, input: { screen: string; name: string | null; state: ViewState; replace: boolean }): SavedView {
  const name = input.name ?? CURRENT;
  const now = new Date().toISOString();
  return db.transaction(() => {
    const existing = db.prepare('SELECT name FROM saved_views WHERE screen = ? AND name = ? COLLATE NOCASE').pluck().get(input.screen, name) as string | undefined;
    if (existing !== undefined && name !== CURRENT && !input.replace) {
      throw new ApiFailure('conflict', 'view_name_taken', `A view named "${existing}" exists already`, { field: 'name', name: existing });
    }
    // Replacing keeps one row per name: the old spelling gives way to the new one.
    if (existing !== undefined) db.prepare('DELETE FROM saved_views WHERE screen = ? AND name = ?').run(input.screen, existing);
    db.prepare('INSERT INTO saved_views (screen, name, state, updated_at) VALUES (?, ?, ?, ?)').run(input.screen, name, JSON.stringify(input.state), now);
    return { screen: input.screen, name: input.name, state: input.state, updatedAt: now };
  })();
}

export function deleteView(db: Database.Database, screen: string, name: string): { deleted: boolean } {
  const result = db.prepare("DELETE FROM saved_views WHERE screen = ? AND name = ? COLLATE NOCASE AND name <> ''").run(screen, name);
  if (result.changes === 0) throw notFound('view_not_found', `There is no view named "${name}"`, { screen, name });
  return { deleted: true };
}
