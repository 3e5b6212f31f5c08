import { useState } from 'react';
import { IMPORT_TARGET_FIELDS, type Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { asApiCallError, type ApiCallError } from '../../../api/api-call-error';
import { api } from '../../../api/client';
import { useApiQuery } from '../../../api/use-api-query';
import { ErrorNotice } from '../../../components/ErrorNotice';

interface ProfileMappingProps {
  name: string;
  entity: ImportEntity;
  builtIn: boolean;
  /** Every profile's name, so a copy is offered a name not in use. */
  names: readonly string[];
  onCopied: (name: string) => void;
}

/**
 * A profile's mapping in words (which column feeds which field, fixed values, value maps,
 * formats, rules), read with profiles.get; a built-in profile can be copied to a saved one
 * under a new name, to adapt it in the wizard.
 */
export function ProfileMapping({ name, entity, builtIn, names, onCopied }: ProfileMappingProps) {
  const profile = useApiQuery('profiles.get', { name });
  const [copyName, setCopyName] = useState(() => freeName(`${name} (copy)`, names));
  const [copying, setCopying] = useState(false);
  const [copyError, setCopyError] = useState<ApiCallError | null>(null);

  const copy = async () => {
    if (!profile.data) return;
    setCopying(true);
    setCopyError(null);
    try {
      const { builtIn: _builtIn, ...saved } = profile.data;
      const result = await api.call('profiles.save', { profile: { ...saved, name: copyName.trim() } });
      onCopied(result.name);
    } catch (thrown) {
      setCopyError(asApiCallError('profiles.save', thrown));
    } finally {
      setCopying(false);
    }
  };

  if (profile.error) return <ErrorNotice error={profile.error} title={`Could not read “${name}”`} onRetry={profile.reload} />;
  if (!profile.data) return <p className="muted">Reading the mapping…</p>;
  const lines = describeMapping(entity, profile.data.mapping);
  return (
    <div className="profile-mapping" data-testid="profile-mapping">
      <dl className="profile-mapping-list">
        {lines.map(([term, detail]) => (
          <div key={term} className="profile-mapping-line">
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
      {builtIn && (
        <form
          className="profile-copy"
          onSubmit={(event) => {
            event.preventDefault();
            void copy();
          }}
        >
          <label className="field-label" htmlFor={`copy-${name}`}>
            Copy to a saved profile named
          </label>
          <input id={`copy-${name}`} className="input" value={copyName} onChange={(event) => setCopyName(event.target.value)} maxLength={100} data-testid="profile-copy-name" />
          <button type="submit" className="button button-small" disabled={copying || copyName.trim() === ''} data-testid="profile-copy">
            {copying ? 'Copying…' : 'Copy'}
          </button>
          <span className="muted">A copy is applied to files with this header instead of the built-in one, and can be changed in the wizard.</span>
        </form>
      )}
      {copyError && <ErrorNotice error={copyError} title="The profile was not copied" onDismiss={() => setCopyError(null)} />}
    </div>
  );
}

function freeName(base: string, names: readonly string[]): string {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

/** [what, how] lines: each field's source, then the formats and rules that differ from the defaults. */
export function describeMapping(entity: ImportEntity, mapping: Mapping): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  for (const { field, label } of IMPORT_TARGET_FIELDS[entity]) {
    const column = mapping.columns[field];
    const constant = mapping.constants[field];
    const values = mapping.valueMaps[field];
    let source = column !== undefined ? `column “${column}”` : constant !== undefined ? `always “${constant}”` : null;
    if (field === 'external_id' && mapping.externalIdFrom) {
      source = `built from ${mapping.externalIdFrom.columns.map((c) => `“${c}”`).join(' : ')}${mapping.externalIdFrom.linePosition ? ' and the line position' : ''}`;
    }
    if (source === null) continue;
    const mapped = values && Object.keys(values).length > 0 ? `; values: ${Object.entries(values).map(([from, to]) => `${from} → ${to}`).join(', ')}` : '';
    lines.push([label, source + mapped]);
  }
  const formats = [
    mapping.encoding !== 'auto' && `encoding ${mapping.encoding}`,
    mapping.delimiter !== 'auto' && `delimiter ${JSON.stringify(mapping.delimiter)}`,
    mapping.numberConvention !== 'auto' && `numbers: decimal ${mapping.numberConvention === 'comma' ? 'comma' : 'point'}`,
    mapping.dateFormat !== 'auto' && `dates ${mapping.dateFormat}`,
    mapping.amountUnit === 'minor' && 'amounts in minor units (cents)',
    mapping.signs.refundsPositive && 'refunds written as positive amounts',
  ].filter(Boolean);
  if (formats.length > 0) lines.push(['Formats', formats.join(' · ')]);
  const rules = [
    mapping.fillDown.length > 0 && `carried down: ${mapping.fillDown.join(', ')}${mapping.fillDownWithin ? ` (within “${mapping.fillDownWithin}”)` : ''}`,
    mapping.amountIsUnitPrice && 'the amount is a unit price × quantity',
    mapping.sumCheck && `sum check: ${[...mapping.sumCheck.parts, ...mapping.sumCheck.subtract.map((c) => `− ${c}`)].join(' + ').replaceAll('+ −', '−')} = ${mapping.sumCheck.total}`,
    mapping.timeColumn && `time of day from “${mapping.timeColumn}”`,
    mapping.timeZoneColumn && `time zone from “${mapping.timeZoneColumn}”`,
    mapping.timeZone && `times without a zone in ${mapping.timeZone}`,
  ].filter(Boolean);
  if (rules.length > 0) lines.push(['Rules', rules.join(' · ')]);
  return lines;
}
