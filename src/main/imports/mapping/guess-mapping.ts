import type { ImportEntity } from '../../../shared/contract/imports';
import { IMPORT_TARGET_FIELDS, mappingSchema, type Mapping } from '../../../shared/contract/import-files';

// A first mapping for a file no profile knows, from its column names alone: each field
// takes the first column whose name is one of the field's usual names. Formats stay
// 'auto' (the wizard asks what the file leaves open) and nothing else is assumed.

/** Usual column names per field, compared without case, spaces or punctuation; the field's own name always counts. */
const SYNONYMS: Record<string, readonly string[]> = {
  external_id: ['id', 'externalid', 'transactionid', 'balancetransactionid', 'txnid', 'reference', 'referenceid', 'orderid', 'invoiceid', 'recordid', 'commitmentid'],
  kind: ['type', 'transactiontype', 'reportingcategory', 'category', 'revenuetype'],
  occurred_at: ['date', 'occurredat', 'created', 'createdutc', 'createdat', 'paidat', 'transactiondate', 'timestamp', 'datetime', 'time'],
  amount: ['amount', 'gross', 'grossamount', 'total', 'value', 'price', 'sum'],
  currency: ['currency', 'currencycode', 'ccy', 'iso'],
  quantity: ['quantity', 'qty', 'units', 'count', 'lineitemquantity'],
  description: ['description', 'memo', 'note', 'notes', 'itemtitle', 'item', 'title', 'lineitemname', 'details'],
  refund_of: ['refundof', 'referencetxnid', 'originaltransaction', 'originalid', 'refundedtransaction'],
  payee_external_id: ['payee', 'payeeid', 'payeeexternalid', 'creator', 'author', 'seller'],
  product_external_id: ['product', 'productid', 'productexternalid', 'sku', 'lineitemsku'],
  name: ['name', 'fullname', 'displayname', 'title', 'productname', 'payeename'],
  email: ['email', 'emailaddress', 'mail'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile'],
  address: ['address', 'postaladdress', 'mailingaddress'],
  payout_currency: ['payoutcurrency', 'paymentcurrency', 'currency'],
  on_hold: ['onhold', 'hold', 'held'],
  hold_reason: ['holdreason', 'reasonforhold'],
  threshold: ['threshold', 'minimumpayout', 'minpayout'],
  fallback_percentage: ['fallbackpercentage', 'fallback', 'percentage', 'share'],
  tags: ['tags', 'labels'],
  archived: ['archived', 'inactive'],
  metadata: ['metadata', 'meta'],
  license_reference: ['licensereference', 'license', 'licenseref'],
  resource_uuid: ['resourceuuid', 'resourceid'],
  resource_name: ['resourcename', 'resource'],
  billing_period: ['billingperiod', 'period', 'month'],
  final_sell: ['finalsell', 'sell', 'sellprice'],
  final_buy: ['finalbuy', 'buy', 'buyprice', 'cost'],
  customer_name: ['customername', 'customer', 'client'],
  project_name: ['projectname', 'project'],
  customer_uuid: ['customeruuid', 'customerid'],
  project_uuid: ['projectuuid', 'projectid'],
  invoice_item_uuid: ['invoiceitemuuid', 'invoiceitemid'],
  cycle_start: ['cyclestart', 'billingcyclestart', 'cycle', 'periodstart', 'datestart', 'startdate'],
  seats: ['seats', 'users', 'seatcount', 'activeseats'],
  record_count: ['records', 'recordcount', 'ppurecords', 'payperuserecords'],
  section_widget_uses: ['sectionwidgets', 'sectionwidgetuses', 'sectionwidgetusage'],
  column_widget_uses: ['columnwidgets', 'columnwidgetuses', 'columnwidgetusage'],
  version_count: ['versions', 'versioncount', 'recordversions'],
  file_size_mb: ['filesizemb', 'filesize', 'storagemb', 'filesmb'],
  backups: ['backups', 'backupcount'],
  org_id: ['org', 'orgid', 'organization', 'organizationid'],
  // Showback: commitments and usage per account, service and child org.
  purchase_date: ['purchasedate', 'purchased', 'boughton', 'orderdate'],
  term_start: ['termstart', 'start', 'startdate', 'starts'],
  term_end: ['termend', 'end', 'enddate', 'ends', 'expires', 'expiry'],
  monthly_premium: ['monthlypremium', 'premium', 'monthlyfee', 'monthlycommitment'],
  commitment_cost: ['commitmentcost', 'upfront', 'upfrontcost', 'monthlyupfront'],
  rebates: ['rebates', 'rebate', 'credits', 'discount'],
  allocation_method: ['allocation', 'allocationmethod', 'method', 'spread'],
  fixed_shares: ['fixedshares', 'shares', 'split'],
  month: ['month', 'usagemonth', 'billingmonth', 'period'],
  account: ['account', 'accountid', 'accountname', 'linkedaccount'],
  service: ['service', 'servicename', 'productname'],
  child_org_id: ['childorg', 'childorgid', 'org', 'orgid', 'organization'],
  on_demand_cost: ['ondemandcost', 'ondemand', 'uncoveredcost', 'ondemandspend'],
  covered_cost: ['coveredcost', 'covered', 'ondemandequivalent', 'coveredusage'],
};

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function guessMapping(entity: ImportEntity, header: readonly string[]): Mapping {
  const squashed = header.map(squash);
  const taken = new Set<number>();
  const columns: Record<string, string> = {};
  // Exact field names first, so a column named "amount" is never taken by another field's synonym.
  for (const pass of ['exact', 'synonym'] as const) {
    for (const { field } of IMPORT_TARGET_FIELDS[entity]) {
      if (columns[field] !== undefined) continue;
      const names = pass === 'exact' ? [squash(field)] : (SYNONYMS[field] ?? []);
      for (const name of names) {
        const index = squashed.findIndex((s, i) => s === name && !taken.has(i));
        if (index === -1) continue;
        columns[field] = header[index];
        taken.add(index);
        break;
      }
    }
  }
  return mappingSchema.parse({ columns });
}
