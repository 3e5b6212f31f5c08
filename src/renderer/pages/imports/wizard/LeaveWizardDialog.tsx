import { Modal } from '../Modal';

interface LeaveWizardDialogProps {
  fileName: string | null;
  onLeave: () => void;
  onStay: () => void;
}

/** Closing the wizard with a mapping set up is asked once, saying what is lost and what is not. */
export function LeaveWizardDialog({ fileName, onLeave, onStay }: LeaveWizardDialogProps) {
  return (
    <Modal labelledBy="leave-wizard-title" onClose={onStay} className="confirm-dialog" testId="leave-wizard-confirm">
      <h2 className="confirm-title" id="leave-wizard-title">
        Leave the import{fileName ? ` of ${fileName}` : ''}?
      </h2>
      <p>
        The column mapping and the choices you made for this file will be lost. Nothing has been imported. To keep the mapping for next time, stay and save
        it as a profile (“Save this mapping as a profile…” on the Columns step).
      </p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={onStay} data-autofocus data-testid="leave-wizard-stay">
          Keep working
        </button>
        <button type="button" className="button button-danger" onClick={onLeave} data-testid="leave-wizard-leave">
          Leave without importing
        </button>
      </div>
    </Modal>
  );
}
