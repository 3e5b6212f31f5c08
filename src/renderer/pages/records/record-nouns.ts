import type { RecordNoun } from './RecordsScreen';

// The words each records screen and form build their labels, messages and test ids from.
export const PAYEE: RecordNoun = { one: 'payee', many: 'payees' };
export const PRODUCT: RecordNoun = { one: 'product', many: 'products' };
