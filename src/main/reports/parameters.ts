import type { FieldIssue } from '../../shared/errors';
import { invalidInput } from '../api/failure';
import type { ReportParameter, ReportParams } from './report-definition';

type RawValue = string | number | boolean | null;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The caller's parameters checked against the report's declaration, defaults filled in.
 * Values may come as query strings do ("5", "true"), as the seed's are; anything else of
 * the wrong type, an unknown name or a missing required one is a 400 naming `params.<name>`.
 */
export function resolveParams(declared: readonly ReportParameter[], given: Record<string, RawValue> | undefined): ReportParams {
  const issues: FieldIssue[] = [];
  const known = new Map(declared.map((p) => [p.name, p]));
  for (const name of Object.keys(given ?? {})) {
    if (!known.has(name)) {
      const accepted = declared.map((p) => p.name).join(', ') || 'none';
      issues.push({ field: `params.${name}`, message: `is not a parameter of this report (it accepts: ${accepted})` });
    }
  }
  const params: ReportParams = {};
  for (const parameter of declared) {
    const raw = given?.[parameter.name];
    if (raw === undefined || raw === null || raw === '') {
      if (parameter.required) issues.push({ field: `params.${parameter.name}`, message: 'is required' });
      params[parameter.name] = parameter.default;
      continue;
    }
    const checked = checkValue(parameter, raw);
    if (typeof checked === 'object' && checked !== null && 'problem' in checked) {
      issues.push({ field: `params.${parameter.name}`, message: checked.problem });
    } else {
      params[parameter.name] = checked as string | number | boolean;
    }
  }
  if (issues.length > 0) throw invalidInput(issues);
  return params;
}

function checkValue(parameter: ReportParameter, raw: string | number | boolean): string | number | boolean | { problem: string } {
  switch (parameter.type) {
    case 'string':
      return typeof raw === 'string' ? raw.trim() : { problem: `must be text, got ${typeof raw} ${JSON.stringify(raw)}` };
    case 'integer':
      if (typeof raw === 'number' && Number.isSafeInteger(raw)) return raw;
      if (typeof raw === 'string' && /^-?\d{1,15}$/.test(raw.trim())) return Number(raw.trim());
      return { problem: `must be a whole number, got ${JSON.stringify(raw)}` };
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return { problem: `must be true or false, got ${JSON.stringify(raw)}` };
    case 'date':
      if (typeof raw === 'string' && DATE.test(raw) && new Date(raw + 'T00:00:00Z').toISOString().startsWith(raw)) return raw;
      return { problem: `must be a day YYYY-MM-DD, got ${JSON.stringify(raw)}` };
    case 'enum': {
      const values = parameter.values ?? [];
      if (typeof raw === 'string' && values.includes(raw)) return raw;
      return { problem: `must be one of ${values.join(', ')}, got ${JSON.stringify(raw)}` };
    }
  }
}
