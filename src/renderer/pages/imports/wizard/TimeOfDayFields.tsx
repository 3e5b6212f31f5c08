import { useState } from 'react';
import type { ImportInspection, Mapping } from '../../../../shared/contract/import-files';

interface TimeOfDayFieldsProps {
  inspection: ImportInspection;
  mapping: Mapping;
  onMapping: (mapping: Mapping) => void;
}

/**
 * Revenues only: where occurred_at's time of day and zone come from when the file splits
 * them from the date (Date, Time, TimeZone), and the zone for times that carry none.
 * What the reading decided is said in plain words (inspection.notes).
 */
export function TimeOfDayFields({ inspection, mapping, onMapping }: TimeOfDayFieldsProps) {
  const [zoneText, setZoneText] = useState(mapping.timeZone ?? '');
  const columnSelect = (id: string, label: string, value: string | null, set: (column: string | null) => void, hint: string) => (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" data-testid={id} value={value ?? ''} onChange={(event) => set(event.target.value === '' ? null : event.target.value)}>
        <option value="">None</option>
        {inspection.header.map((column, index) => (
          <option key={index} value={column}>
            {column}
          </option>
        ))}
      </select>
      <span className="field-hint">{hint}</span>
    </div>
  );
  return (
    <>
      <div className="file-facts">
        {columnSelect('import-time-column', 'Time of day', mapping.timeColumn, (timeColumn) => onMapping({ ...mapping, timeColumn }), 'A column holding the time when the date column has none.')}
        {columnSelect(
          'import-time-zone-column',
          'Time zone column',
          mapping.timeZoneColumn,
          (timeZoneColumn) => onMapping({ ...mapping, timeZoneColumn }),
          'Each row’s zone: America/Los_Angeles, PDT or +02:00.',
        )}
        <div className="field">
          <label className="field-label" htmlFor="import-time-zone">
            Zone of times without one
          </label>
          <input
            id="import-time-zone"
            className="input"
            data-testid="import-time-zone"
            placeholder="The organization’s zone"
            value={zoneText}
            onChange={(event) => setZoneText(event.target.value)}
            onBlur={() => onMapping({ ...mapping, timeZone: zoneText.trim() === '' ? null : zoneText.trim() })}
          />
          <span className="field-hint">An IANA name such as Europe/Berlin; empty: the organization’s time zone.</span>
        </div>
      </div>
      {inspection.notes.length > 0 && (
        <ul className="import-notes" data-testid="import-notes">
          {inspection.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </>
  );
}
