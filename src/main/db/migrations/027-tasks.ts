import type { Migration } from './types';

// Work that outlives a call is a task in seed 002's shape (a month's close first). A task is
// kept after it ends, so the list shows what ran, when and how it ended. `runner` names the
// core (process, thread and a random part) running an unfinished task: at start-up a task
// whose runner is gone ends Failed with a note, never stuck InProgress.
export const tasks: Migration = {
  id: 27,
  name: 'tasks',
  sql: `
    CREATE TABLE tasks (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
      client_id TEXT NOT NULL REFERENCES orgs(id),
      user_id TEXT NOT NULL,
      -- 'ClosingPeriod' today; report exports may join (the seed's other task types)
      task_type TEXT NOT NULL CHECK (length(task_type) > 0),
      template TEXT,
      status TEXT NOT NULL CHECK (status IN ('Pending', 'InProgress', 'Completed', 'Failed', 'Cancelled')),
      parameters TEXT NOT NULL CHECK (json_valid(parameters) AND json_type(parameters) = 'object'),
      processing_notes TEXT NOT NULL CHECK (json_valid(processing_notes) AND json_type(processing_notes) = 'object'),
      runner TEXT,
      -- ISO 8601 UTC with milliseconds, so text order is time order
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      finished_at TEXT,
      CHECK ((finished_at IS NULL) = (status IN ('Pending', 'InProgress')))
    );
    CREATE INDEX tasks_created ON tasks(created_at, id);
    CREATE INDEX tasks_client_created ON tasks(client_id, created_at, id);
    CREATE INDEX tasks_unfinished ON tasks(status) WHERE status IN ('Pending', 'InProgress');
  `,
};
