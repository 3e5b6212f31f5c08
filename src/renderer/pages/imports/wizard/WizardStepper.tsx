import { WIZARD_STEPS, type WizardStep } from './wizard-steps';

/** Where the user is among the steps; steps are moved through with Back and Next, not here. */
export function WizardStepper({ step, skipped }: { step: WizardStep; skipped: WizardStep[] }) {
  const current = WIZARD_STEPS.findIndex((s) => s.id === step);
  return (
    <ol className="wizard-steps" aria-label="Steps">
      {WIZARD_STEPS.map((s, index) => {
        const state = index === current ? 'current' : index < current ? 'done' : 'todo';
        return (
          <li key={s.id} className={`wizard-step-item step-${state}`} aria-current={index === current ? 'step' : undefined} data-step={s.id}>
            <span className="wizard-step-number" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span>
              {s.label}
              {skipped.includes(s.id) && state !== 'current' && <span className="muted"> (none)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
