import type { TaskCheck, TaskNote } from '../../shared/contract/tasks';
import type { Database } from '../db/driver';

/** What one check found: its outcome for the screen, and the notes for the task. */
export interface CheckResult {
  check: TaskCheck;
  errors: TaskNote[];
  warnings: TaskNote[];
}

export interface CloseCheck {
  id: string;
  label: string;
  run(db: Database.Database, orgId: string, period: string): CheckResult;
}

export function passed(id: string, label: string, message: string): CheckResult {
  return { check: { id, label, outcome: 'pass', message }, errors: [], warnings: [] };
}

export function failed(id: string, label: string, notes: TaskNote[]): CheckResult {
  return { check: { id, label, outcome: 'error', message: notes.map((n) => n.message).join(' ') }, errors: notes, warnings: [] };
}

export function warned(id: string, label: string, notes: TaskNote[]): CheckResult {
  return { check: { id, label, outcome: 'warning', message: notes.map((n) => n.message).join(' ') }, errors: [], warnings: notes };
}


export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
