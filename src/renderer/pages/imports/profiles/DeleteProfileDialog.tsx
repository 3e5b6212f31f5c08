import { Modal } from '../Modal';

interface DeleteProfileDialogProps {
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Deleting a profile is asked once, saying what changes and what does not. */
export function DeleteProfileDialog({ name, onConfirm, onCancel }: DeleteProfileDialogProps) {
  return (
    <Modal labelledBy="delete-profile-title" onClose={onCancel} className="confirm-dialog" testId="profile-delete-confirm">
      <h2 className="confirm-title" id="delete-profile-title">
        Delete the profile “{name}”?
      </h2>
      <p>
        Files with its header will no longer be read with it automatically. Batches already imported with it are not changed. Export it first to keep a
        copy.
      </p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          Keep the profile
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} data-testid="profile-delete-confirm-button">
          Delete profile
        </button>
      </div>
    </Modal>
  );
}
