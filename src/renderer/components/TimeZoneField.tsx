import { useMemo } from 'react';
import { describedBy, FormField } from './FormField';

/** The zones the runtime knows (IANA), UTC first; typed names are checked by the API. */
function zoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

interface TimeZoneFieldProps {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  testId?: string;
}

/** An org's time zone: its calendar months are the org's periods. */
export function TimeZoneField({ id, value, onChange, error, testId }: TimeZoneFieldProps) {
  const choices = useMemo(zoneChoices, []);
  const here = useMemo(() => new Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const hint = (
    <>
      Periods are calendar months on this clock.{' '}
      {here && here !== value && (
        <button type="button" className="button-link" onClick={() => onChange(here)} data-testid={testId ? `${testId}-here` : undefined}>
          Use this computer’s zone ({here})
        </button>
      )}
    </>
  );
  return (
    <FormField id={id} label="Time zone" error={error} hint={hint} testId={testId}>
      <input
        id={id}
        className="input"
        list={`${id}-zones`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        data-testid={testId}
      />
      <datalist id={`${id}-zones`}>
        {choices.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </FormField>
  );
}
