import { useCallback } from 'react';
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import type { IDoesFilterPassParams } from 'ag-grid-community';

/** The contract's set filter model: rows whose value is one of `values`. */
export interface SetFilterModel {
  filterType: 'set';
  values: string[];
}

export interface CheckboxSetFilterParams {
  /** Every value the column can hold, in display order. */
  values: readonly string[];
  labelOf?: (value: string) => string;
}

/**
 * AG Grid's Set Filter is Enterprise-only; this is the community equivalent for columns
 * with a few known values. All boxes ticked means no filter (model null); the model is
 * sent to the server, which does the filtering.
 */
export function CheckboxSetFilter(props: CustomFilterProps<unknown, unknown, SetFilterModel> & CheckboxSetFilterParams) {
  const { model, onModelChange, values, labelOf = (value) => value, getValue } = props;
  const selected = model ? model.values : [...values];

  // Only the client-side row model asks rows; kept correct for any grid that reuses this.
  const doesFilterPass = useCallback(
    ({ node }: IDoesFilterPassParams) => !model || model.values.includes(String(getValue(node) ?? '')),
    [model, getValue],
  );
  useGridFilter({ doesFilterPass });

  const apply = (next: string[]) => {
    const ordered = values.filter((value) => next.includes(value));
    onModelChange(ordered.length === values.length ? null : { filterType: 'set', values: ordered });
  };
  const toggle = (value: string, checked: boolean) => apply(checked ? [...selected, value] : selected.filter((v) => v !== value));

  return (
    <div className="set-filter" role="group" aria-label="Show rows whose value is">
      {values.map((value) => (
        <label key={value} className="set-filter-option">
          <input type="checkbox" checked={selected.includes(value)} onChange={(event) => toggle(value, event.target.checked)} data-value={value} />
          <span>{labelOf(value)}</span>
        </label>
      ))}
      <div className="set-filter-actions">
        {/* Clears the filter (every value shown), as Clear does everywhere else; unticking every box would show nothing. */}
        <button type="button" className="button button-small" onClick={() => onModelChange(null)} disabled={!model} data-testid="set-filter-clear">
          Clear
        </button>
      </div>
    </div>
  );
}
