import { useEffect, useRef, useState } from 'react';
import type { RuleComparison, RuleVersion } from '../../../shared/contract/rules';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format/date-format';
import { differenceLabel, differenceValue, FIELD_LABELS } from './rule-labels';

/** A rule's saved versions, newest first (when, who, what changed), each comparable with the rule as it is now. */
export function RuleVersions({ ruleId, currentVersion }: { ruleId: number; currentVersion: number }) {
  // Asked again whenever a save makes a new version.
  const versions = useApiQuery('rules.versions', { ruleId }, currentVersion);
  const [open, setOpen] = useState<{
    version: number;
    comparison: RuleComparison | null;
    error: ApiCallError | null;
  } | null>(null);

  const compare = async (version: number) => {
    if (open?.version === version) return setOpen(null);
    setOpen({ version, comparison: null, error: null });
    try {
      const comparison = await api.call('rules.compareVersion', {
        ruleId,
        version,
      });
      setOpen((o) => (o?.version === version ? { version, comparison, error: null } : o));
    } catch (thrown) {
      setOpen((o) =>
        o?.version === version
          ? {
              version,
              comparison: null,
              error: asApiCallError('rules.compareVersion', thrown),
            }
          : o,
      );
    }
  };

  return (
    <section className="rule-versions" aria-labelledby="rule-versions-title" data-testid="rule-versions">
      <h3 className="rule-section-title" id="rule-versions-title">
        Versions
      </h3>
      {versions.error && <ErrorNotice error={versions.error} title="Could not load the versions" onRetry={versions.reload} />}
      {!versions.data && !versions.error && <p className="muted">Loading…</p>}
      {versions.data && (
        <ol className="rule-version-list">
          {versions.data.versions.map((v) => (
            <li key={v.version} className="rule-version" data-testid={`rule-version-${v.version}`}>
              <div className="rule-version-head">
                <strong>Version {v.version}</strong>
                {v.version === currentVersion && <span className="badge rule-status-active">Current</span>}
                <span className="muted">
                  {formatDateTime(v.savedAt)} · {v.savedBy}
                </span>
              </div>
              <p className="rule-version-change">{changeText(v)}</p>
              {v.version !== currentVersion && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void compare(v.version)}
                  aria-expanded={open?.version === v.version}
                  data-testid={`rule-compare-${v.version}`}
                >
                  {open?.version === v.version ? 'Hide comparison' : 'Compare with current'}
                </button>
              )}
              {open?.version === v.version && <Comparison state={open} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function changeText(v: RuleVersion): string {
  if (v.change === 'created') return 'Created.';
  return `Changed ${v.changes.map((f) => (FIELD_LABELS[f] ?? f).toLowerCase()).join(', ')}.`;
}

function Comparison({
  state,
}: {
  state: {
    version: number;
    comparison: RuleComparison | null;
    error: ApiCallError | null;
  };
}) {
  if (state.error) return <ErrorNotice error={state.error} title="Could not compare" />;
  if (!state.comparison) return <p className="muted">Comparing…</p>;
  return <DifferencesTable comparison={state.comparison} />;
}

function DifferencesTable({ comparison }: { comparison: RuleComparison }) {
  const { differences, version, currentVersion } = comparison;
  const answer = useRef<HTMLTableElement & HTMLParagraphElement>(null);
  // The panel scrolls: bring the answer into view under its button.
  // Braces: newer Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    answer.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  if (differences.length === 0)
    return (
      <p className="muted" ref={answer}>
        Version {version} is the same as the current rule.
      </p>
    );
  return (
    <table className="rule-diff" data-testid="rule-diff" ref={answer}>
      <caption className="visually-hidden">
        Version {version} against the current rule (version {currentVersion})
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Version {version}</th>
          <th scope="col">Current (v{currentVersion})</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((d, i) => (
          <tr key={i}>
            <th scope="row">{differenceLabel(d)}</th>
            <td className="rule-diff-was">{differenceValue(d, d.was)}</td>
            <td className="rule-diff-now">{differenceValue(d, d.now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
