import {
  CellStyleModule,
  ColumnApiModule,
  CustomFilterModule,
  DateFilterModule,
  enableDevValidations,
  EventApiModule,
  GridStateModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
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
    // initialState (a screen's kept setup) and the stateUpdated event that keeps it.
    GridStateModule,
    ScrollApiModule,
    CellStyleModule,
    // rowClassRules: the open record and archived products in the record grids.
    RowStyleModule,
    TooltipModule,
    // refreshCells (a cell's look after its context changed) and the rows by index (a copied block).
    RenderApiModule,
    RowApiModule,
  ]);
  // Readable warnings (e.g. a missing module) while developing; codes only in builds.
  if (import.meta.env.DEV) enableDevValidations();
}
