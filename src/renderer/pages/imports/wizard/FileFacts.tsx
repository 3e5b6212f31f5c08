import { AMOUNT_UNITS, CSV_DELIMITERS, CSV_ENCODINGS } from '../../../../shared/contract/file-format';
import { DEFAULT_SIGNS, type ImportInspection, type Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { formatBytes } from '../format-import';
import { TimeOfDayFields } from './TimeOfDayFields';

const DELIMITER_LABELS: Record<string, string> = { ',': 'Comma ( , )', ';': 'Semicolon ( ; )', '\t': 'Tab', '|': 'Pipe ( | )' };
const ENCODING_LABELS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252 (Western)' };
const AMOUNT_UNIT_LABELS: Record<(typeof AMOUNT_UNITS)[number], string> = {
  major: 'Whole units: 12.50 is twelve and a half',
  minor: 'Minor units: 1250 is 12.50 (cents)',
};
/** Entities whose files carry amounts. */
const HAS_AMOUNTS: readonly ImportEntity[] = ['revenues', 'billing'];

interface FileFactsProps {
  entity: ImportEntity;
  inspection: ImportInspection;
  mapping: Mapping;
  onMapping: (mapping: Mapping) => void;
}

/** What was detected about the file, why, and a way to overrule it. */
export function FileFacts({ entity, inspection, mapping, onMapping }: FileFactsProps) {
  const { file, encoding, delimiter, header } = inspection;
  // Detection fell back to Windows-1252: not certain, so the Formats step asks with the file's own text.
  const encodingAsked = mapping.encoding === 'auto' && inspection.questions.some((q) => q.kind === 'encoding');
  return (
    <section className="wizard-section" aria-labelledby="file-facts-title">
      <h3 className="wizard-section-title" id="file-facts-title">
        The file
      </h3>
      <p className="file-facts-name" data-testid="import-file-facts" data-size={file.size}>
        <strong>{file.name}</strong> <span className="muted">· {formatBytes(file.size)}</span>
      </p>
      <div className="file-facts">
        <div className="field">
          <label className="field-label" htmlFor="import-encoding">
            Encoding
          </label>
          <select
            id="import-encoding"
            className="select"
            data-testid="import-encoding"
            value={mapping.encoding}
            onChange={(event) => onMapping({ ...mapping, encoding: event.target.value as Mapping['encoding'] })}
            aria-describedby="import-encoding-reason"
          >
            <option value="auto">Detect ({ENCODING_LABELS[encoding.value] ?? encoding.value})</option>
            {CSV_ENCODINGS.map((value) => (
              <option key={value} value={value}>
                {ENCODING_LABELS[value] ?? value}
              </option>
            ))}
          </select>
          <span className="field-hint" id="import-encoding-reason" data-testid="import-encoding-reason">
            {encoding.detected ? 'Detected' : 'As chosen'} — {encoding.reason}
            {encodingAsked && <strong data-testid="import-encoding-asked"> Not certain: the Formats step asks which encoding the file is in.</strong>}
          </span>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="import-delimiter">
            Delimiter
          </label>
          <select
            id="import-delimiter"
            className="select"
            data-testid="import-delimiter"
            value={mapping.delimiter}
            onChange={(event) => onMapping({ ...mapping, delimiter: event.target.value as Mapping['delimiter'] })}
            aria-describedby="import-delimiter-reason"
          >
            <option value="auto">Detect ({DELIMITER_LABELS[delimiter.value] ?? delimiter.value})</option>
            {CSV_DELIMITERS.map((value) => (
              <option key={value} value={value}>
                {DELIMITER_LABELS[value]}
              </option>
            ))}
          </select>
          <span className="field-hint" id="import-delimiter-reason" data-testid="import-delimiter-reason">
            {delimiter.detected ? 'Detected' : 'As chosen'} — {delimiter.reason}
          </span>
        </div>
        {HAS_AMOUNTS.includes(entity) && (
          <div className="field">
            <label className="field-label" htmlFor="import-amount-unit">
              Amounts in the file
            </label>
            <select
              id="import-amount-unit"
              className="select"
              value={mapping.amountUnit}
              onChange={(event) => onMapping({ ...mapping, amountUnit: event.target.value as Mapping['amountUnit'] })}
            >
              {AMOUNT_UNITS.map((value) => (
                <option key={value} value={value}>
                  {AMOUNT_UNIT_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {entity === 'revenues' && (
        <label className="radio-option">
          <input
            type="checkbox"
            checked={mapping.signs?.refundsPositive ?? false}
            onChange={(event) => onMapping({ ...mapping, signs: { ...DEFAULT_SIGNS, ...mapping.signs, refundsPositive: event.target.checked } })}
            data-testid="import-refunds-positive"
          />
          Refunds are written as positive amounts (store them as negative)
        </label>
      )}
      {entity === 'revenues' && <TimeOfDayFields inspection={inspection} mapping={mapping} onMapping={onMapping} />}
      <div className="file-header" data-testid="import-header">
        <span className="field-label">Header ({header.length} columns)</span>
        <ol className="header-chips">
          {header.map((column, index) => (
            <li key={index} className="header-chip">
              {column}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
