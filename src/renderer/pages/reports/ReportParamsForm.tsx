import { useState, type FormEvent } from 'react';
import type { ReportParameterInfo, ReportParamValues } from '../../../shared/contract/reports';

/**
 * A field per declared parameter, by its type; Show applies them (the periods and rows are
 * asked again). Empty means "not given": the report's default applies, as in the API.
 */
export function ReportParamsForm({ parameters, applied, onApply }: { parameters: ReportParameterInfo[]; applied: ReportParamValues; onApply: (params: ReportParamValues) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(parameters.map((p) => [p.name, applied[p.name] == null ? '' : String(applied[p.name])])));
  if (parameters.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params: ReportParamValues = {};
    for (const p of parameters) {
      const text = draft[p.name]?.trim() ?? '';
      if (text === '') continue;
      params[p.name] = p.type === 'integer' && /^-?\d+$/.test(text) ? Number(text) : p.type === 'boolean' ? text === 'true' : text;
    }
    onApply(params);
  };
  return (
    <form className="report-params" onSubmit={submit} data-testid="report-params">
      {parameters.map((p) => (
        <label key={p.name} className="field" title={p.description}>
          <span className="field-label">{p.name.replace(/_/g, ' ')}</span>
          <ParamInput parameter={p} value={draft[p.name] ?? ''} onChange={(value) => setDraft((d) => ({ ...d, [p.name]: value }))} />
        </label>
      ))}
      <button type="submit" className="button" data-testid="report-params-apply">
        Show
      </button>
    </form>
  );
}

function ParamInput({ parameter, value, onChange }: { parameter: ReportParameterInfo; value: string; onChange: (value: string) => void }) {
  const fallback = parameter.default == null ? 'all' : `default: ${String(parameter.default)}`;
  if (parameter.type === 'enum' || parameter.type === 'boolean') {
    const values = parameter.type === 'boolean' ? ['true', 'false'] : (parameter.values ?? []);
    return (
      <select className="select" value={value} onChange={(e) => onChange(e.target.value)} name={parameter.name}>
        <option value="">({fallback})</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="input"
      name={parameter.name}
      type={parameter.type === 'date' ? 'date' : 'text'}
      inputMode={parameter.type === 'integer' ? 'numeric' : undefined}
      value={value}
      placeholder={fallback}
      size={parameter.name === 'currency' ? 6 : 14}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
