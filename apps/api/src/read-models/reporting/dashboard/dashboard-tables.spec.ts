import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORTING_COLLECTIONS } from '@channel-ledger/projections';
import { toCsv } from './csv';
import { DASHBOARD_TABLE_DEFINITIONS, DASHBOARD_TABLES, DashboardColumn } from './dashboard-tables';

const columns: DashboardColumn[] = [
  { key: 'resellerName', label: 'Reseller', type: 'text', description: '' },
  { key: 'currency', label: 'Currency', type: 'currency', description: '' },
  { key: 'totalRevenue', label: 'Total', type: 'amount', description: '' },
  { key: 'invoices', label: 'Invoices', type: 'count', description: '' },
];

describe('dashboard CSV', () => {
  it('writes RFC 4180 with CRLF, a header of keys, quoted cells where needed and null as empty', () => {
    const csv = toCsv(columns, [
      { resellerName: 'Acme, "Resale"', currency: 'USD', totalRevenue: '1234.50', invoices: 3 },
      { resellerName: 'Line\nbreak', currency: 'JPY', totalRevenue: '24000', invoices: 1 },
      { resellerName: null, currency: 'EUR', totalRevenue: '-12.00', invoices: 0 },
    ]);
    expect(csv).toBe(
      'resellerName,currency,totalRevenue,invoices\r\n' +
        '"Acme, ""Resale""",USD,1234.50,3\r\n' +
        '"Line\nbreak",JPY,24000,1\r\n' +
        ',EUR,-12.00,0\r\n',
    );
  });

  it('keeps a spreadsheet from running a name as a formula, but leaves amounts exact', () => {
    const csv = toCsv(columns, [
      { resellerName: '=HYPERLINK("http://evil")', currency: 'USD', totalRevenue: '-5.00', invoices: 1 },
      { resellerName: '+1 Resale', currency: 'USD', totalRevenue: '5.00', invoices: 1 },
      { resellerName: '@sum', currency: 'USD', totalRevenue: '5.00', invoices: 1 },
    ]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      `"'=HYPERLINK(""http://evil"")",USD,-5.00,1`,
      `'+1 Resale,USD,5.00,1`,
      `'@sum,USD,5.00,1`,
    ]);
  });
});

describe('dashboard tables and the reporting schema document', () => {
  const doc = readFileSync(join(__dirname, '../../../../../../docs/reporting-schema.md'), 'utf8');

  it('documents every table and every column the API answers', () => {
    for (const name of DASHBOARD_TABLES) {
      expect([name, doc.includes(`**\`${name}\`**`)]).toEqual([name, true]);
      for (const column of DASHBOARD_TABLE_DEFINITIONS[name].columns)
        expect([name, column.key, doc.includes(`\`${column.key}\``)]).toEqual([name, column.key, true]);
    }
  });

  it('documents every collection of the reporting projection with its indexes', () => {
    for (const collection of REPORTING_COLLECTIONS) {
      expect([collection.name, doc.includes(`### \`${collection.name}\``)]).toEqual([collection.name, true]);
      for (const index of collection.indexes) {
        const text = `(${index.fields.join(', ')})`;
        expect([collection.name, text, doc.includes(text)]).toEqual([collection.name, text, true]);
      }
    }
  });

  it('gives every money column a currency beside it, and only money columns are amounts', () => {
    for (const name of DASHBOARD_TABLES) {
      const { columns: cols } = DASHBOARD_TABLE_DEFINITIONS[name];
      if (cols.some((c) => c.type === 'amount')) expect(cols.map((c) => c.key)).toContain('currency');
      for (const c of cols) if (/Revenue$|Total$/.test(c.key)) expect(c.type).toBe('amount');
    }
  });
});
