import type { ImportBatchRow } from '../../../shared/contract/imports';
import { rowsLabel } from './format-import';
import { Modal } from './Modal';

interface UndoBatchDialogProps {
  batch: ImportBatchRow;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Undo removes rows: asked once, saying exactly what will go and what comes back. */
export function UndoBatchDialog({ batch, onConfirm, onCancel }: UndoBatchDialogProps) {
  return (
    <Modal labelledBy="undo-title" onClose={onCancel} className="confirm-dialog" testId="undo-confirm">
      <h2 className="confirm-title" id="undo-title">
        Undo import batch {batch.id}?
      </h2>
      <p>
        This removes the {rowsLabel(batch.created)} the batch created
        {batch.updated > 0 ? ` and restores the ${rowsLabel(batch.updated)} it updated to what they were before` : ''}. Rows in a locked month cannot
        be undone; the batch stays listed, marked undone.
      </p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          Keep the batch
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} data-testid="undo-confirm-button">
          Undo batch {batch.id}
        </button>
      </div>
    </Modal>
  );
}
