import { describedBy, FormField } from '../../components/FormField';

interface RecordInputProps {
  /** The control's id (the label, error and hint hang on it). */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  /** Names the field's control and its error (`<testId>-error`). */
  testId: string;
  readOnly?: boolean;
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'decimal' | 'tel' | 'email';
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
  /** Text in a monospace box with no spell check (JSON). */
  code?: boolean;
}

/** One labelled text field of a record form, its error (or else its hint) underneath. */
export function RecordInput({ id, label, value, onChange, error, hint, testId, readOnly, type = 'text', inputMode, rows, code }: RecordInputProps) {
  const common = {
    id,
    value,
    readOnly,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
    'data-testid': testId,
  };
  return (
    <FormField id={id} label={label} error={error} hint={hint} testId={testId}>
      {rows ? (
        <textarea {...common} className={code ? 'input textarea textarea-code' : 'input textarea'} rows={rows} spellCheck={code ? false : undefined} />
      ) : (
        <input {...common} className="input" type={type} inputMode={inputMode} autoComplete="off" />
      )}
    </FormField>
  );
}
