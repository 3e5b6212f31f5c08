import {
  CellStyleModule,
  ColumnApiModule,
  CustomFilterModule,
  DateFilterModule,
  enableDevValidations,
  EventApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
} from 'ag-grid-community';

// Only the community features the grids use, so the bundle carries no more than that.
// Sorting, keyboard navigation, column moving and resizing come with the core.
export function registerGridModules(): void {
  ModuleRegistry.registerModules([
    InfiniteRowModelModule,
    TextFilterModule,
    NumberFilterModule,
    DateFilterModule,
    CustomFilterModule,
    ColumnApiModule,
    EventApiModule,
    ScrollApiModule,
    CellStyleModule,
    TooltipModule,
  ]);
  // Readable warnings (e.g. a missing module) while developing; codes only in builds.
  if (import.meta.env.DEV) enableDevValidations();
}
