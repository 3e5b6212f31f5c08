import { z } from 'zod';
import { method } from './define';
import { filterModelSchema, sortModelSchema } from './grid';
import { orgIdSchema, periodSchema } from './orgs';

// A screen's review setup, kept in the workspace file so it survives navigation, reloads and
// browser mode's per-launch port (localStorage is per origin, and the origin changes with
// the port). Each screen has one current setup (saved as the user works) and any number of
// named views. Column ids are only shapes here: a view outlives the columns it names, and
// the screen that opens it drops (and reports) the ones it no longer has.

const columnIdSchema = z.string().min(1).max(64);

/** A screen id: "revenues", "payouts", ... and "app" for the shell's org and period. */
export const screenSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a screen id: lowercase letters, digits and dashes');

export const gridSetupSchema = z
  .object({
    /** Every column the grid had, in display order, with whether it was hidden and its width. */
    columns: z
      .array(z.object({ colId: columnIdSchema, hide: z.boolean(), width: z.number().int().min(20).max(2000).optional() }).strict())
      .max(100),
    sortModel: sortModelSchema,
    filterModel: filterModelSchema,
  })
  .strict();

export const viewStateSchema = z
  .object({
    orgId: orgIdSchema.optional(),
    /** null: all periods. */
    period: periodSchema.nullable().optional(),
    /** A parent org's rows with its children's. */
    includeChildren: z.boolean().optional(),
    grid: gridSetupSchema.optional(),
  })
  .strict();

export type GridSetup = z.infer<typeof gridSetupSchema>;
export type ViewState = z.infer<typeof viewStateSchema>;

/** null: the screen's current setup; a string: a view saved under that name. */
const viewNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'no control characters')
  .nullable();

export interface SavedView {
  screen: string;
  name: string | null;
  state: ViewState;
  updatedAt: string;
}

export const viewsMethods = {
  'views.get': method<{ view: SavedView | null }>()({
    summary: "A screen's current setup (name null) or a named view; null when none was saved.",
    permission: 'read:workspace',
    input: z.object({ screen: screenSchema, name: viewNameSchema.default(null) }).strict(),
  }),
  'views.list': method<{ views: Array<{ name: string; updatedAt: string }> }>()({
    summary: "A screen's named views, by name.",
    permission: 'read:workspace',
    input: z.object({ screen: screenSchema }).strict(),
  }),
  'views.save': method<SavedView>()({
    summary: "Save a screen's current setup (name null) or a named view. A name in use is refused unless replace is true.",
    permission: 'write:workspace',
    input: z.object({ screen: screenSchema, name: viewNameSchema.default(null), state: viewStateSchema, replace: z.boolean().default(false) }).strict(),
  }),
  'views.delete': method<{ deleted: boolean }>()({
    summary: 'Delete a named view.',
    permission: 'write:workspace',
    input: z.object({ screen: screenSchema, name: z.string().trim().min(1).max(100) }).strict(),
  }),
};
