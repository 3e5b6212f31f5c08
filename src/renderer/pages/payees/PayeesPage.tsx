import { useMemo } from 'react';
import { PAYEE } from '../records/record-nouns';
import { RecordsPage, RecordsScreen } from '../records/RecordsScreen';
import { payeeColumnDefs } from './payee-columns';
import { PayeeForm } from './PayeeForm';
import { PayeeHold } from './PayeeHold';

export function PayeesPage() {
  return <RecordsPage noun={PAYEE} screen={({ orgId, orgCurrency }) => <PayeesScreen orgId={orgId} orgCurrency={orgCurrency} />} />;
}

function PayeesScreen({ orgId, orgCurrency }: { orgId: string; orgCurrency: string }) {
  const columnDefs = useMemo(() => payeeColumnDefs(orgCurrency), [orgCurrency]);
  return (
    <RecordsScreen
      area="payees"
      noun={PAYEE}
      orgId={orgId}
      columnDefs={columnDefs}
      form={(payee, onSaved, onCancel) => <PayeeForm orgId={orgId} payee={payee} onSaved={onSaved} onCancel={onCancel} />}
      beforeForm={(payee, afterWrite) => (
        <PayeeHold orgId={orgId} payee={payee} onChanged={(p) => afterWrite(p.id, p.onHold ? 'Payee put on hold.' : 'Hold released.')} />
      )}
    />
  );
}
