import { profileSchema, type MappingProfile } from '../../../shared/contract/import-files';

// Profiles for export layouts accountants bring every month. Each decides everything a
// file could leave open (encoding, delimiter, number convention, date format), so a file
// of the layout never needs a question. Sample files: test/fixtures/imports/.

/** A payment processor's itemized balance report (Stripe's "Balance change from activity"). */
const balanceReport = {
  name: 'Stripe itemized balance report',
  entity: 'revenues',
  description:
    'Payment processor balance report, one row per balance transaction: gross in major units (gross - fee = net), ' +
    'lowercase currency, UTC timestamps. charge/payment -> sale, refund -> refund, disputes and adjustments -> adjustment; ' +
    'payouts, transfers and fees are not revenues and are refused row by row.',
  header: [
    'balance_transaction_id',
    'created_utc',
    'available_on_utc',
    'currency',
    'gross',
    'fee',
    'net',
    'reporting_category',
    'source_id',
    'customer_facing_amount',
    'description',
  ],
  mapping: {
    encoding: 'utf-8',
    delimiter: ',',
    numberConvention: 'dot',
    dateFormat: 'YYYY-MM-DD hh:mm:ss',
    amountUnit: 'major',
    columns: {
      external_id: 'balance_transaction_id',
      occurred_at: 'created_utc',
      kind: 'reporting_category',
      amount: 'gross',
      currency: 'currency',
      description: 'description',
    },
    valueMaps: {
      kind: {
        charge: 'sale',
        payment: 'sale',
        refund: 'refund',
        payment_refund: 'refund',
        partial_capture_reversal: 'refund',
        dispute: 'adjustment',
        dispute_reversal: 'adjustment',
        adjustment: 'adjustment',
        other_adjustment: 'adjustment',
      },
    },
    sumCheck: { parts: ['gross'], subtract: ['fee'], total: 'net' },
  },
};

/** A marketplace/payments activity download (PayPal's "Activity download" CSV). */
const activityDownload = {
  name: 'PayPal activity download',
  entity: 'revenues',
  description:
    'Payments activity download: every field quoted, MM/DD/YYYY dates with the time and zone (PDT) in columns of their own, amounts like 1,250.00, ' +
    'fee negative (gross + fee = net). Payments -> sale, refunds -> refund (linked to the payment by Reference Txn ID), ' +
    'chargebacks and reversals -> adjustment.',
  header: ['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'From Email Address', 'Transaction ID', 'Reference Txn ID', 'Item Title'],
  mapping: {
    encoding: 'utf-8',
    delimiter: ',',
    numberConvention: 'dot',
    dateFormat: 'MM/DD/YYYY',
    amountUnit: 'major',
    columns: {
      external_id: 'Transaction ID',
      occurred_at: 'Date',
      kind: 'Type',
      amount: 'Gross',
      currency: 'Currency',
      description: 'Item Title',
      refund_of: 'Reference Txn ID',
    },
    valueMaps: {
      kind: {
        'Express Checkout Payment': 'sale',
        'Website Payment': 'sale',
        'Mobile Payment': 'sale',
        'Subscription Payment': 'sale',
        'General Payment': 'sale',
        'Payment Received': 'sale',
        'Shopping Cart Payment Received': 'sale',
        'Payment Refund': 'refund',
        Refund: 'refund',
        Chargeback: 'adjustment',
        'Chargeback Reversal': 'adjustment',
        'Payment Reversal': 'adjustment',
      },
    },
    sumCheck: { parts: ['Gross', 'Fee'], total: 'Net' },
    // Date, Time and TimeZone ("PDT") together are the instant.
    timeColumn: 'Time',
    timeZoneColumn: 'TimeZone',
  },
};

/** A store's order export (Shopify's orders CSV): one row per line item. */
const orderExport = {
  name: 'Shopify orders export',
  entity: 'revenues',
  description:
    'Store order export, one row per line item; order fields (email, status, paid at, currency, totals) only on the ' +
    "order's first row and carried down within the order. Each line item is a sale of price x quantity; its external_id " +
    'is order name, SKU and line position ("#1001:SKU-1:1").',
  header: ['Name', 'Email', 'Financial Status', 'Paid at', 'Currency', 'Subtotal', 'Total', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku'],
  mapping: {
    encoding: 'utf-8',
    delimiter: ',',
    numberConvention: 'dot',
    dateFormat: 'ISO',
    amountUnit: 'major',
    columns: {
      occurred_at: 'Paid at',
      amount: 'Lineitem price',
      quantity: 'Lineitem quantity',
      currency: 'Currency',
      description: 'Lineitem name',
    },
    constants: { kind: 'sale' },
    fillDown: ['Name', 'Email', 'Financial Status', 'Paid at', 'Currency', 'Subtotal', 'Total'],
    fillDownWithin: 'Name',
    amountIsUnitPrice: true,
    externalIdFrom: { columns: ['Name', 'Lineitem sku'], linePosition: true },
  },
};

/** A cloud distributor's consumption export (Arrow's consumption API as CSV): one row per license, resource and month. */
const consumptionExport = {
  name: 'Arrow consumption export',
  entity: 'consumption',
  description:
    'Consumption (estimated usage) per license, resource and billing month, as the distributor\'s consumption API reports it ' +
    'during the month: sell and buy amounts in major units with their currency, the sync time in UTC. ' +
    'Matched to consumption records by license, resource and month; the billing export later brings the final amounts.',
  header: [
    'License Reference',
    'Billing Month',
    'Customer ID',
    'Customer Name',
    'Project ID',
    'Project Name',
    'Resource ID',
    'Resource Name',
    'Currency',
    'Consumed Sell',
    'Consumed Buy',
    'Last Sync (UTC)',
  ],
  mapping: {
    encoding: 'utf-8',
    delimiter: ',',
    numberConvention: 'dot',
    dateFormat: 'ISO',
    amountUnit: 'major',
    columns: {
      license_reference: 'License Reference',
      billing_period: 'Billing Month',
      customer_uuid: 'Customer ID',
      customer_name: 'Customer Name',
      project_uuid: 'Project ID',
      project_name: 'Project Name',
      resource_uuid: 'Resource ID',
      resource_name: 'Resource Name',
      currency: 'Currency',
      consumed_sell: 'Consumed Sell',
      consumed_buy: 'Consumed Buy',
      last_sync_at: 'Last Sync (UTC)',
    },
  },
};

/** A product's usage report per billing cycle (seed 004's usage): one row per cycle, counts as whole numbers. */
const usageReport = {
  name: 'Usage report per billing cycle',
  entity: 'usage',
  description:
    'Usage per billing cycle as the product meters it: the cycle\'s first day (ISO), seats, pay-per-use records, ' +
    'section and column widget uses, record versions stored, file size in MB and backups, as whole numbers. ' +
    'Matched to the org\'s usage by cycle; the current cycle\'s statement is recomputed, past generated ones never change.',
  header: ['Org ID', 'Cycle Start', 'Seats', 'Records', 'Section Widget Uses', 'Column Widget Uses', 'Record Versions', 'File Size (MB)', 'Backups'],
  mapping: {
    encoding: 'utf-8',
    delimiter: ',',
    numberConvention: 'dot',
    dateFormat: 'YYYY-MM-DD',
    amountUnit: 'major',
    columns: {
      org_id: 'Org ID',
      cycle_start: 'Cycle Start',
      seats: 'Seats',
      record_count: 'Records',
      section_widget_uses: 'Section Widget Uses',
      column_widget_uses: 'Column Widget Uses',
      version_count: 'Record Versions',
      file_size_mb: 'File Size (MB)',
      backups: 'Backups',
    },
  },
};

/** Showback (issue 12): the commitments an org bought, one row each, as commitments.batch takes them. */
const commitmentsList = {
  name: 'Commitments list',
  entity: 'commitments',
  description:
    'Commitments bought, one row each, matched by Commitment ID: purchase date and term (ISO days), monthly premium, ' +
    'commitment cost and rebates (dot decimals), allocation (proportional, even or fixed) and, for fixed, the shares ' +
    '("service: compute=60; storage=40"). A row whose term reaches a finalized month is blocked.',
  header: ['Commitment ID', 'Name', 'Currency', 'Purchase Date', 'Term Start', 'Term End', 'Monthly Premium', 'Commitment Cost', 'Rebates', 'Allocation', 'Fixed Shares'],
  mapping: {
    encoding: 'utf-8',
    delimiter: ',',
    numberConvention: 'dot',
    dateFormat: 'YYYY-MM-DD',
    amountUnit: 'major',
    columns: {
      external_id: 'Commitment ID',
      name: 'Name',
      currency: 'Currency',
      purchase_date: 'Purchase Date',
      term_start: 'Term Start',
      term_end: 'Term End',
      monthly_premium: 'Monthly Premium',
      commitment_cost: 'Commitment Cost',
      rebates: 'Rebates',
      allocation_method: 'Allocation',
      fixed_shares: 'Fixed Shares',
    },
  },
};

/** Showback (issue 12): a month's usage per account, service and child org, as showback.usageBatch takes it. */
const showbackUsageReport = {
  name: 'Showback usage report',
  entity: 'showback_usage',
  description:
    'Usage per month (YYYY-MM), account, service and child org: on-demand cost (usage no commitment covered) and covered ' +
    'cost (the on-demand equivalent of what commitments covered), dot decimals. Matched by month, account, service, child org ' +
    'and currency; a row of a finalized month is blocked.',
  header: ['Month', 'Account', 'Service', 'Child Org', 'Currency', 'On-Demand Cost', 'Covered Cost'],
  mapping: {
    encoding: 'utf-8',
    delimiter: ',',
    numberConvention: 'dot',
    dateFormat: 'YYYY-MM-DD',
    amountUnit: 'major',
    columns: {
      month: 'Month',
      account: 'Account',
      service: 'Service',
      child_org_id: 'Child Org',
      currency: 'Currency',
      on_demand_cost: 'On-Demand Cost',
      covered_cost: 'Covered Cost',
    },
  },
};

/** Checked against the schema once, defaults filled in, so they are profiles like saved ones. */
export const BUILT_IN_PROFILES: readonly MappingProfile[] = [balanceReport, activityDownload, orderExport, consumptionExport, usageReport, commitmentsList, showbackUsageReport].map((p) => Object.freeze(profileSchema.parse(p)));

export function builtInProfile(name: string): MappingProfile | undefined {
  const wanted = name.trim().toLowerCase();
  return BUILT_IN_PROFILES.find((p) => p.name.toLowerCase() === wanted);
}
