export type WizardStep = 'file' | 'mapping' | 'questions' | 'check' | 'result';

export const WIZARD_STEPS: ReadonlyArray<{ id: WizardStep; label: string }> = [
  { id: 'file', label: 'File' },
  { id: 'mapping', label: 'Columns' },
  { id: 'questions', label: 'Formats' },
  { id: 'check', label: 'Check' },
  { id: 'result', label: 'Done' },
];
