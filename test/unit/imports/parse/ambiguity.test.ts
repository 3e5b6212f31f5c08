import { describe, expect, it } from 'vitest';
import { decideDateFormat, decideNumberConvention } from '../../../../src/main/imports/parse/index';

describe('decideNumberConvention', () => {
  it('is decided by one value only one convention reads', () => {
    expect(decideNumberConvention(['1.000', '12', '1.234,56'])).toMatchObject({ status: 'decided', convention: 'comma', evidence: '1.234,56' });
    expect(decideNumberConvention(['1,000', '12.50'])).toMatchObject({ status: 'decided', convention: 'dot', evidence: '12.50' });
  });

  it('asks, with both readings, when every value could be either', () => {
    expect(decideNumberConvention(['1.000', '2.500', '', '7'])).toEqual({
      status: 'ambiguous',
      examples: [
        { text: '1.000', dot: '1', comma: '1000' },
        { text: '2.500', dot: '2.5', comma: '2500' },
      ],
      invalid: [],
    });
  });

  it('has nothing to ask when no value has a separator', () => {
    expect(decideNumberConvention(['12', '-7', '1 000'])).toEqual({ status: 'undecided', invalid: [] });
  });

  it('flags a column mixing both conventions', () => {
    expect(decideNumberConvention(['1,234.56', '1.234,56'])).toMatchObject({ status: 'conflicting', dotEvidence: '1,234.56', commaEvidence: '1.234,56' });
  });

  it('lists values that are not amounts at all', () => {
    expect(decideNumberConvention(['12.50', 'n/a'])).toMatchObject({ status: 'decided', invalid: [{ text: 'n/a' }] });
  });
});

describe('decideDateFormat', () => {
  it('is decided when one format reads every value', () => {
    expect(decideDateFormat(['2026-03-04', '2026-12-31'])).toEqual({ status: 'decided', format: 'YYYY-MM-DD' });
    expect(decideDateFormat(['2026-03-04 17:05:11 +0000', '2026-03-05 01:00:00 +0100'])).toEqual({ status: 'decided', format: 'YYYY-MM-DD hh:mm:ss' });
  });

  it('lets one decisive value settle day/month order', () => {
    expect(decideDateFormat(['03/04/2026', '05/06/2026', '25/06/2026'])).toEqual({ status: 'decided', format: 'DD/MM/YYYY' });
    expect(decideDateFormat(['03/04/2026', '12/31/2026'])).toEqual({ status: 'decided', format: 'MM/DD/YYYY' });
  });

  it('asks when no value settles day/month order, showing both readings', () => {
    const decision = decideDateFormat(['03/04/2026', '05/06/2026']);
    expect(decision).toMatchObject({ status: 'ambiguous', formats: ['MM/DD/YYYY', 'DD/MM/YYYY'] });
    expect(decision.status === 'ambiguous' && decision.examples[0]).toEqual({
      text: '03/04/2026',
      readings: [
        { format: 'MM/DD/YYYY', value: '2026-03-04' },
        { format: 'DD/MM/YYYY', value: '2026-04-03' },
      ],
    });
  });

  it('still asks when the sample only holds days equal to months', () => {
    expect(decideDateFormat(['01/01/2026', '02/02/2026'])).toMatchObject({ status: 'ambiguous' });
  });

  it('names the format that reads most values and the ones it cannot', () => {
    expect(decideDateFormat(['2026-03-04', '2026-02-30', 'soon'])).toEqual({
      status: 'none',
      format: 'YYYY-MM-DD',
      failures: [
        { text: '2026-02-30', message: '"2026-02-30" is not a real date: the month has no day 30.' },
        { text: 'soon', message: '"soon" is not a date in the format YYYY-MM-DD.' },
      ],
    });
    expect(decideDateFormat([])).toEqual({ status: 'none', format: null, failures: [] });
  });
});
