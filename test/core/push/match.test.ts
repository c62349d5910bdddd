import { matchResults, type SentLine } from '../../../src/core/push/match';
import type { LineStatus, LogLine } from '../../../src/core/push/response';

const line = (sku: string, status: LineStatus, logId?: string, message?: string): LogLine => ({
  sku,
  status,
  rawStatus: status,
  ...(logId === undefined ? {} : { logId }),
  ...(message === undefined ? {} : { message }),
});

const upcRow = (row: number, upc: string, warehouse = 'Default'): SentLine => ({
  row,
  item: { warehouse, upc, inventory: row },
});
const styleRow = (row: number, size: string, identifier = 'SS25-TEE'): SentLine => ({
  row,
  item: {
    warehouse: 'Default',
    style_number: 'SS25-TEE',
    style_identifier: identifier,
    color_code: '010',
    size,
    inventory: row,
  },
});
const idRow = (row: number, sizeCode: string): SentLine => ({
  row,
  item: { style_id: 700111, style_color_id: 880222, size_code: sizeCode, inventory: row },
});

const statusOf = (rows: ReturnType<typeof matchResults>['rows']) =>
  rows.map((row) => `${row.row}:${row.status}`);

describe('matchResults', () => {
  describe('style numbers that differ only in punctuation', () => {
    const tuple = (row: number, style: string, size: string) => ({
      row,
      item: {
        warehouse: 'Default',
        style_number: style,
        style_identifier: style,
        color_code: '001',
        size,
        inventory: 1,
      },
    });
    const sent = [
      tuple(2, 'SS27-TEE-01', 'M'),
      tuple(3, 'SS27TEE01', 'M'),
      tuple(4, '+SS27-TEE-01', 'M'),
      tuple(5, 'SS27-TEE-01', 'L'),
      tuple(6, 'SS27/TEE/01', 'L'),
    ];
    const lines = [
      { sku: 'SS27-TEE-01-001-M', status: 'pass' as const, rawStatus: 'pass', logId: 'pass-M' },
      { sku: 'SS27TEE01-001-M', status: 'fail' as const, rawStatus: 'fail', logId: 'fail-nodash' },
      { sku: '+SS27-TEE-01-001-M', status: 'fail' as const, rawStatus: 'fail', logId: 'fail-plus' },
      { sku: 'SS27-TEE-01-001-L', status: 'pass' as const, rawStatus: 'pass', logId: 'pass-L' },
      { sku: 'SS27/TEE/01-001-L', status: 'fail' as const, rawStatus: 'fail', logId: 'fail-slash' },
    ];
    const expected = [
      { row: 2, status: 'sent', logId: 'pass-M' },
      { row: 3, status: 'failed', logId: 'fail-nodash' },
      { row: 4, status: 'failed', logId: 'fail-plus' },
      { row: 5, status: 'sent', logId: 'pass-L' },
      { row: 6, status: 'failed', logId: 'fail-slash' },
    ];

    it.each([
      ['in request order', lines],
      ['reversed', [...lines].reverse()],
    ])('each row gets its own line %s', (_label, order) => {
      const rows = matchResults(sent, order).rows.map(({ row, status, logId }) => ({ row, status, logId }));
      expect(rows).toEqual(expected);
    });
  });

  it('matches lines in request order by UPC', () => {
    const report = matchResults(
      [upcRow(2, '012345678905'), upcRow(3, '012345678912')],
      [line('012345678905', 'pass', 'l1'), line('012345678912', 'pass', 'l2')],
    );
    expect(statusOf(report.rows)).toEqual(['2:sent', '3:sent']);
    expect(report.rows[0]?.logId).toBe('l1');
    expect(report.usedPosition).toBe(false);
  });

  it('matches out-of-order lines by identifier', () => {
    const report = matchResults(
      [upcRow(2, '012345678905'), upcRow(3, '012345678912')],
      [line('012345678912', 'fail', 'l2'), line('012345678905', 'pass', 'l1')],
    );
    expect(statusOf(report.rows)).toEqual(['2:sent', '3:failed']);
    expect(report.rows[1]?.logId).toBe('l2');
  });

  it.each([
    ['GTIN-13', '0012345678905'],
    ['GTIN-14', '00012345678905'],
    ['UPC without its leading zero', '12345678905'],
  ])('matches a UPC echoed in %s form', (_name, sku) => {
    const report = matchResults([upcRow(2, '012345678905')], [line(sku, 'pass')]);
    expect(statusOf(report.rows)).toEqual(['2:sent']);
  });

  it.each([
    ['dashes', 'SS25-TEE-SS25-TEE-010-M'],
    ['slashes', 'SS25-TEE/SS25-TEE/010/M'],
    ['spaces', 'SS25-TEE SS25-TEE 010 M'],
    ['no separator', 'SS25TEESS25TEE010M'],
    ['the identifier left out', 'SS25-TEE-010-M'],
    ['a trailing warehouse', 'SS25-TEE|010|M|Default'],
  ])('matches a style tuple joined with %s', (_name, sku) => {
    const report = matchResults([styleRow(4, 'M'), styleRow(5, 'L')], [line(sku, 'pass')]);
    expect(report.rows[0]?.status).toBe('sent');
    expect(report.rows[1]?.status).toBe('not_confirmed');
  });

  it('matches joined JOOR ids', () => {
    const report = matchResults(
      [idRow(6, 'SR1-04'), idRow(7, 'SR1-06')],
      [line('700111-880222-SR1-06', 'pass'), line('700111-880222-SR1-04', 'fail')],
    );
    expect(statusOf(report.rows)).toEqual(['6:failed', '7:sent']);
  });

  it('does not let a size prefix match a longer size', () => {
    const report = matchResults([styleRow(4, 'X'), styleRow(5, 'XL')], [line('SS25-TEE-010-XL', 'pass')]);
    expect(statusOf(report.rows)).toEqual(['4:not_confirmed', '5:sent']);
  });

  it('marks a row without a line not confirmed', () => {
    const report = matchResults(
      [upcRow(2, '012345678905'), upcRow(3, '012345678912')],
      [line('012345678905', 'pass')],
    );
    expect(statusOf(report.rows)).toEqual(['2:sent', '3:not_confirmed']);
    expect(report.rows[1]?.message).toContain('no result line for this row');
  });

  it('marks every line of a fanned-out row sent when all pass', () => {
    const report = matchResults(
      [styleRow(4, 'M')],
      [
        line('SS25-TEE-010-M', 'pass', 'spring'),
        line('SS25-TEE-010-M', 'pass', 'fall'),
        line('SS25-TEE-010-M', 'pass', 'holiday'),
      ],
    );
    expect(statusOf(report.rows)).toEqual(['4:sent']);
    expect(report.rows[0]?.logId).toBe('spring');
  });

  it('fails a fanned-out row when one of its lines fails', () => {
    const report = matchResults(
      [styleRow(4, 'M')],
      [line('SS25-TEE-010-M', 'pass'), line('SS25-TEE-010-M', 'fail')],
    );
    expect(report.rows[0]?.status).toBe('failed');
    expect(report.rows[0]?.message).toContain('1 of 2 JOOR updates for this row failed');
  });

  it('adds the case-sensitivity hint for a failed style tuple', () => {
    const report = matchResults([styleRow(4, 'm')], [line('SS25-TEE-010-m', 'fail', 'x', 'size not found')]);
    expect(report.rows[0]?.message).toBe(
      'JOOR returned fail for SKU "SS25-TEE-010-m": size not found. JOOR matches style number, style identifier, colour code and size case-sensitively, so check that each matches JOOR exactly.',
    );
  });

  it('adds the stored-UPC hint for a failed UPC', () => {
    const report = matchResults([upcRow(2, '012345678905')], [line('012345678905', 'fail')]);
    expect(report.rows[0]?.message).toContain('Check that this UPC is stored on the SKU in JOOR.');
  });

  it('falls back to position when no SKU text is recognisable and counts match', () => {
    const report = matchResults(
      [upcRow(2, '012345678905'), upcRow(3, '012345678912')],
      [line('line-1', 'pass'), line('line-2', 'fail')],
    );
    expect(statusOf(report.rows)).toEqual(['2:sent', '3:failed']);
    expect(report.usedPosition).toBe(true);
    expect(report.rows[0]?.message).toContain('by position');
  });

  it('never uses position when counts differ', () => {
    const report = matchResults(
      [upcRow(2, '012345678905'), upcRow(3, '012345678912')],
      [line('line-1', 'pass')],
    );
    expect(statusOf(report.rows)).toEqual(['2:not_confirmed', '3:not_confirmed']);
    expect(report.usedPosition).toBe(false);
    expect(report.unmatchedLines).toHaveLength(1);
  });

  it('never uses position when some lines matched', () => {
    const report = matchResults(
      [upcRow(2, '012345678905'), upcRow(3, '012345678912')],
      [line('012345678905', 'pass'), line('garbled', 'pass')],
    );
    expect(statusOf(report.rows)).toEqual(['2:sent', '3:not_confirmed']);
  });

  it('confirms every row of one SKU in several warehouses when all pass', () => {
    const report = matchResults(
      [upcRow(2, '012345678905', 'Default'), upcRow(3, '012345678905', 'Future')],
      [line('012345678905', 'pass'), line('012345678905', 'pass')],
    );
    expect(statusOf(report.rows)).toEqual(['2:sent', '3:sent']);
    expect(report.usedPosition).toBe(false);
  });

  it('uses the warehouse in the SKU text to tell same-SKU rows apart', () => {
    const report = matchResults(
      [upcRow(2, '012345678905', 'Default'), upcRow(3, '012345678905', 'Future')],
      [line('012345678905/Future', 'fail'), line('012345678905/Default', 'pass')],
    );
    expect(statusOf(report.rows)).toEqual(['2:sent', '3:failed']);
    expect(report.usedPosition).toBe(false);
  });

  it('pairs mixed same-SKU lines by position and says so', () => {
    const report = matchResults(
      [upcRow(2, '012345678905', 'Default'), upcRow(3, '012345678905', 'Future')],
      [line('012345678905', 'pass'), line('012345678905', 'fail')],
    );
    expect(statusOf(report.rows)).toEqual(['2:sent', '3:failed']);
    expect(report.usedPosition).toBe(true);
  });

  it('leaves same-SKU rows unconfirmed when mixed lines outnumber them', () => {
    const report = matchResults(
      [upcRow(2, '012345678905', 'Default'), upcRow(3, '012345678905', 'Future')],
      [line('012345678905', 'pass'), line('012345678905', 'fail'), line('012345678905', 'pass')],
    );
    expect(statusOf(report.rows)).toEqual(['2:not_confirmed', '3:not_confirmed']);
  });

  it('leaves a row with an unknown status not confirmed', () => {
    const report = matchResults(
      [upcRow(2, '012345678905')],
      [{ sku: '012345678905', status: 'unknown', rawStatus: 'queued' }],
    );
    expect(report.rows[0]?.status).toBe('not_confirmed');
    expect(report.rows[0]?.message).toContain('"queued"');
  });

  it('reports lines that match no row', () => {
    const report = matchResults(
      [upcRow(2, '012345678905')],
      [line('012345678905', 'pass'), line('099999999993', 'pass')],
    );
    expect(report.unmatchedLines.map((unmatched) => unmatched.sku)).toEqual(['099999999993']);
  });

  it('returns rows in sheet order', () => {
    const report = matchResults(
      [upcRow(9, '012345678905'), upcRow(4, '012345678912')],
      [line('012345678912', 'pass'), line('012345678905', 'pass')],
    );
    expect(report.rows.map((row) => row.row)).toEqual([9, 4]);
  });
});
