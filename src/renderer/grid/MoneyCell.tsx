import type { CustomCellRendererProps } from 'ag-grid-react';
import { MoneyAmount } from '../format/MoneyAmount';

export interface MoneyCellParams<TData> {
  /** The row's currency code. */
  currencyOf: (data: TData) => string;
}

/**
 * An amount cell: the value is the exact decimal string, shown by MoneyAmount (minor units,
 * rounding marked, exact in the tooltip). Give the column no valueFormatter, so the grid's
 * value, and what copyFocusedCell copies, stays the exact string.
 */
export function MoneyCell<TData>({ value, data, currencyOf }: CustomCellRendererProps<TData, string> & MoneyCellParams<TData>) {
  if (value == null || !data) return null;
  return <MoneyAmount amount={value} currency={currencyOf(data)} />;
}
