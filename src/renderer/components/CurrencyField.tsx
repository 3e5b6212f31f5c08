import { useMemo } from 'react';
import { currencyChoices, currencyName } from './currency-choices';
import { describedBy, FormField } from './FormField';

interface CurrencyFieldProps {
  id: string;
  label?: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  disabled?: boolean;
  testId?: string;
}

/**
 * An ISO 4217 code: typed, or picked from the runtime's list (a combobox through
 * <datalist>). Letters are put in capitals as typed; the code's name shows underneath.
 */
export function CurrencyField({ id, label = 'Currency', value, onChange, error, disabled, testId }: CurrencyFieldProps) {
  const choices = useMemo(() => currencyChoices(), []);
  const name = value.length === 3 ? currencyName(value) : null;
  const hint = name ? name : 'A three-letter ISO 4217 code, such as USD or EUR';
  return (
    <FormField id={id} label={label} error={error} hint={hint} testId={testId}>
      <input
        id={id}
        className="input input-currency"
        list={`${id}-codes`}
        value={value}
        onChange={(event) => onChange(event.target.value.toUpperCase())}
        maxLength={3}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        data-testid={testId}
      />
      <datalist id={`${id}-codes`}>
        {choices.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.name}
          </option>
        ))}
      </datalist>
    </FormField>
  );
}
