import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportCheck, ImportCommitResult, ImportQuestion, Mapping } from '../../../../shared/contract/import-files';
import { DEFAULT_OPERATION, type ImportEntity, type ImportOperation, type OnError } from '../../../../shared/contract/imports';
import { api } from '../../../api/client';
import { rowsLabel } from '../format-import';
import { useApiQuery } from '../../../api/use-api-query';
import { useAppState } from '../../../app/app-state';
import { Modal } from '../Modal';
import { useLongJob } from '../use-long-job';
import { CheckStep, committableCheck } from './CheckStep';
import { chosenFromFile, stageFile, type ChosenFile, type StagedFile } from './file-source';
import { FileStep } from './FileStep';
import { LeaveWizardDialog } from './LeaveWizardDialog';
import { answerOf, missingRequiredFields, questionKey, withAnswer } from './mapping-edit';
import { MappingStep } from './MappingStep';
import { QuestionsStep } from './QuestionsStep';
import { ResultStep } from './ResultStep';
import { useInspection } from './use-inspection';
import { WIZARD_STEPS, type WizardStep } from './wizard-steps';
import { WizardStepper } from './WizardStepper';

export interface HandedFile {
  file: File;
  /** Counts hand-overs, so dropping the same file again still counts. */
  serial: number;
}

interface ImportWizardProps {
  /** A file dropped on the window or chosen elsewhere; the wizard starts over with it. */
  handedFile: HandedFile | null;
  onClose: () => void;
  onCommitted: (result: ImportCommitResult) => void;
  onShowBatch: (batchId: number) => void;
  /** True while closing would lose work in flight (an upload, a commit). */
  onBusyChange: (busy: boolean) => void;
}

/**
 * The import wizard: file, columns, formats, check, commit. Holds the choices; each step
 * shows and edits its part. Nothing is written before the commit in the check step.
 */
export function ImportWizard({ handedFile, onClose, onCommitted, onShowBatch, onBusyChange }: ImportWizardProps) {
  const { orgId, orgs, noteDataChanged } = useAppState();
  const orgName = orgs.find((o) => o.id === orgId)?.name ?? '';
  const [step, setStep] = useState<WizardStep>('file');
  const [entity, setEntity] = useState<ImportEntity>('revenues');
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [staged, setStaged] = useState<{ of: ChosenFile; file: StagedFile } | null>(null);
  const [profile, setProfile] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [asked, setAsked] = useState<ImportQuestion[]>([]);
  // Revenues: create_only (the seed's rule: a stored revenue is skipped as a duplicate, never overwritten).
  const [operation, setOperation] = useState<ImportOperation>(DEFAULT_OPERATION.revenues);
  const [onError, setOnError] = useState<OnError>('reject');
  const [checkedKey, setCheckedKey] = useState<string | null>(null);
  const [profilesVersion, setProfilesVersion] = useState(0);
  const upload = useLongJob<StagedFile>('imports.upload');
  const check = useLongJob<ImportCheck>('imports.check');
  const commit = useLongJob<ImportCommitResult>('imports.commit');
  const { reset: resetCheck, start: startCheck } = check;
  const { reset: resetCommit } = commit;
  const { reset: resetUpload } = upload;
  /** The settings the check last ran for on its own (see below). */
  const autoChecked = useRef<string | null>(null);

  /** Forget how the file was read: a new file or entity starts from its own guess. */
  const forgetReading = useCallback(() => {
    setProfile(null);
    setMapping(null);
    setAsked([]);
    setCheckedKey(null);
    autoChecked.current = null;
    resetCheck();
    resetCommit();
  }, [resetCheck, resetCommit]);

  const chooseFile = useCallback(
    (next: ChosenFile) => {
      resetUpload();
      forgetReading();
      setChosen(next);
      setStep('file');
    },
    [resetUpload, forgetReading],
  );

  useEffect(() => {
    if (handedFile) chooseFile(chosenFromFile(handedFile.file));
  }, [handedFile, chooseFile]);

  // A new step replaces the controls that had focus: start the keyboard (and a screen
  // reader) at the top of the new step rather than nowhere.
  const body = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    body.current?.focus();
  }, [step]);

  const busy = upload.state.status === 'running' || commit.state.status === 'running';
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  const stagedFile = staged && staged.of === chosen ? staged.file : null;
  const target = useMemo(() => (stagedFile && orgId ? { orgId, entity, path: stagedFile.path } : null), [stagedFile, orgId, entity]);
  const inspection = useInspection(target, profile, mapping);
  const inspected = inspection.inspection;
  const shownMapping = mapping ?? inspected?.mapping ?? null;
  const profiles = useApiQuery('profiles.list', { entity }, profilesVersion);

  // Questions stay listed once asked: answering one settles it, and the server stops asking.
  useEffect(() => {
    const questions = inspected?.questions ?? [];
    if (questions.length === 0) return;
    setAsked((previous) => {
      const known = new Set(previous.map(questionKey));
      const added = questions.filter((q) => !known.has(questionKey(q)));
      return added.length > 0 ? [...previous, ...added] : previous;
    });
  }, [inspected]);

  const runInput = useMemo(
    () => (target && shownMapping ? { ...target, profile: profile ?? inspected?.profile ?? null, mapping: shownMapping, operation, onError } : null),
    [target, shownMapping, profile, inspected, operation, onError],
  );
  // What a check depends on: the on-error choice changes no row's outcome (only whether refused
  // rows roll the file back), so switching it keeps the check.
  const runKey = runInput ? JSON.stringify({ ...runInput, onError: undefined }) : null;

  const mappingReady = !!inspected && !!shownMapping && !inspection.loading && !inspection.error && missingRequiredFields(entity, shownMapping).length === 0;
  // An answer the file cannot be read with (UTF-8 for a Windows-1252 file) is no way forward.
  const questionsReady = !!shownMapping && asked.every((q) => answerOf(shownMapping, q) !== null) && !inspection.loading && !inspection.error;

  const next = async () => {
    if (step === 'file') {
      if (!chosen || !orgId) return;
      if (stagedFile) return setStep('mapping');
      const file = await upload.start((options) => stageFile(chosen, options));
      if (file) {
        setStaged({ of: chosen, file });
        setStep('mapping');
      }
    } else if (step === 'mapping') {
      if (mappingReady) setStep(asked.length > 0 ? 'questions' : 'check');
    } else if (step === 'questions') {
      if (questionsReady) setStep('check');
    }
  };

  const back = () => {
    if (step === 'mapping') setStep('file');
    else if (step === 'questions') setStep('mapping');
    else if (step === 'check') setStep(asked.length > 0 ? 'questions' : 'mapping');
  };

  const runCheck = useCallback(() => {
    if (!runInput) return;
    setCheckedKey(runKey);
    resetCommit();
    void startCheck((options) => api.call('imports.check', runInput, options));
  }, [runInput, runKey, resetCommit, startCheck]);

  // The check runs on its own when the step opens, and again when the mapping or the operation
  // changed since; once per setting, so a cancelled or failed check waits for the button.
  const commitRunning = commit.state.status === 'running';
  useEffect(() => {
    if (step !== 'check' || !runKey || commitRunning || autoChecked.current === runKey) return;
    autoChecked.current = runKey;
    if (checkedKey !== runKey) runCheck();
  }, [step, runKey, checkedKey, commitRunning, runCheck]);

  const runCommit = async () => {
    if (!runInput) return;
    const result = await commit.start((options) => api.call('imports.commit', runInput, options));
    if (!result) return;
    setStep('result');
    noteDataChanged();
    onCommitted(result);
  };

  const startOver = () => {
    setChosen(null);
    setStaged(null);
    resetUpload();
    forgetReading();
    setStep('file');
  };

  const onProfileSaved = (name: string) => {
    setProfile(name);
    setProfilesVersion((v) => v + 1);
  };

  // Mapping work not yet imported: past the file step (or a mapping edited) and not done.
  // Leaving then (Escape, the close button, Cancel) asks first.
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const unsavedWork = step !== 'result' && (step !== 'file' || mapping !== null);
  const requestClose = () => {
    if (unsavedWork) setConfirmingLeave(true);
    else onClose();
  };

  const nextDisabled =
    busy || (step === 'file' && (!chosen || !orgId)) || (step === 'mapping' && !mappingReady) || (step === 'questions' && !questionsReady);
  const committed = commit.state.status === 'done' ? commit.state.value : null;
  const checkIsCurrent = checkedKey !== null && checkedKey === runKey;
  const committable = committableCheck(check.state, checkIsCurrent, onError);

  return (
    <Modal labelledBy="import-wizard-title" onClose={busy ? undefined : requestClose} className="wizard" testId="import-wizard">
      <header className="wizard-header">
        <h2 className="wizard-title" id="import-wizard-title">
          Import a file
        </h2>
        <WizardStepper step={step} skipped={asked.length === 0 && inspected ? ['questions'] : []} />
        <button type="button" className="button button-quiet wizard-close" onClick={requestClose} disabled={busy} aria-label="Close the import wizard" data-testid="import-close">
          ✕
        </button>
      </header>

      <div className="wizard-body" data-step={step} ref={body} tabIndex={-1} aria-label={`Step: ${WIZARD_STEPS.find((s) => s.id === step)?.label}`}>
        {!orgId ? (
          <p className="wizard-lead">This workspace has no organization yet, so there is nothing to import into.</p>
        ) : step === 'file' ? (
          <FileStep
            orgName={orgName}
            entity={entity}
            onEntityChange={(value) => {
              setEntity(value);
              setOperation(DEFAULT_OPERATION[value]);
              forgetReading();
            }}
            chosen={chosen}
            onChoose={chooseFile}
            upload={upload.state}
            onCancelUpload={upload.cancel}
          />
        ) : step === 'mapping' ? (
          <MappingStep
            entity={entity}
            inspection={inspection}
            mapping={shownMapping}
            onMapping={setMapping}
            profiles={profiles}
            profile={profile}
            onProfile={(name) => {
              setProfile(name);
              setMapping(null);
              setAsked([]);
            }}
            onProfileSaved={onProfileSaved}
          />
        ) : step === 'questions' && shownMapping ? (
          <QuestionsStep
            entity={entity}
            questions={asked}
            mapping={shownMapping}
            onAnswer={(question, value) => setMapping(withAnswer(shownMapping, question, value))}
            inspection={inspection}
          />
        ) : step === 'check' ? (
          <CheckStep
            operation={operation}
            onOperation={setOperation}
            onError={onError}
            onOnError={setOnError}
            check={check.state}
            checkIsCurrent={checkIsCurrent}
            onCheck={runCheck}
            onCancelCheck={check.cancel}
            commit={commit.state}
            onCancelCommit={commit.cancel}
            onEncoding={(encoding) => shownMapping && setMapping({ ...shownMapping, encoding: encoding as Mapping['encoding'] })}
          />
        ) : step === 'result' && committed ? (
          <ResultStep result={committed} entity={entity} inspection={inspected} mapping={shownMapping} profile={profile ?? inspected?.profile ?? null} onProfileSaved={onProfileSaved} />
        ) : null}
      </div>

      <footer className="wizard-footer">
        {step === 'result' ? (
          <>
            <button type="button" className="button" onClick={startOver} data-testid="import-another">
              Import another file
            </button>
            <span className="wizard-footer-spacer" />
            {committed?.batchId != null && (
              <button type="button" className="button" onClick={() => onShowBatch(committed.batchId!)} data-testid="import-show-batch">
                Show batch {committed.batchId}
              </button>
            )}
            <button type="button" className="button button-primary" onClick={onClose}>
              Close
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={back} disabled={step === 'file' || busy} data-testid="import-back">
              Back
            </button>
            <span className="wizard-footer-spacer" />
            {/* While an upload, check or import runs, its own Cancel (beside the progress) is the only one. */}
            {!busy && check.state.status !== 'running' && (
              <button
                type="button"
                className="button"
                onClick={requestClose}
                data-testid="import-cancel-wizard"
                title={unsavedWork ? 'Close the wizard without importing (asks first: the mapping would be lost)' : 'Close the wizard; nothing has been imported'}
              >
                Cancel
              </button>
            )}
            {step === 'check' ? (
              <button
                type="button"
                className="button button-primary"
                onClick={runCommit}
                disabled={!committable || busy || check.state.status === 'running'}
                title={committable ? undefined : 'Check the rows first'}
                data-testid="import-commit"
              >
                {commit.state.status === 'running' ? 'Importing…' : committable ? `Import ${rowsLabel(committable.rowsToWrite)}` : 'Import'}
              </button>
            ) : (
              <button type="button" className="button button-primary" onClick={next} disabled={nextDisabled} data-testid="import-next">
                {step === 'file' && upload.state.status === 'running' ? 'Uploading…' : 'Next'}
              </button>
            )}
          </>
        )}
      </footer>
      {confirmingLeave && <LeaveWizardDialog fileName={chosen?.name ?? null} onStay={() => setConfirmingLeave(false)} onLeave={onClose} />}
    </Modal>
  );
}
