import { strFromU8, unzipSync } from 'fflate';
import { columnName, guardFormula, toCsv, toXlsx } from './spreadsheet';

describe('export formats', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 817', "'+86 817"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['锦屏花园', '锦屏花园'],
    ['2026-01-05 14:00:00', '2026-01-05 14:00:00'],
  ])('guards %j against formula injection', (input, expected) => {
    expect(guardFormula(input)).toBe(expected);
  });

  it('writes RFC 4180 CSV with a BOM and CRLF', () => {
    const csv = toCsv({
      name: 't',
      header: ['a', 'b', 'c'],
      rows: [
        ['x,y', 'say "hi"', null],
        [1, 'line\nbreak', '=cmd'],
      ],
    });
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8').slice(1)).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n1,"line\nbreak",\'=cmd\r\n');
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 14, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'O', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('builds an xlsx whose sheet escapes XML and drops characters XML cannot hold', () => {
    const parts = unzipSync(new Uint8Array(toXlsx({ name: '台账', header: ['编号', '名称'], rows: [[7, 'A&B <c> "d"\u0001']] })));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="A2"><v>7</v></c>');
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">A&amp;B &lt;c&gt; &quot;d&quot;</t></is></c>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">');
  });

  it('keeps a free-text description (line breaks, commas, quotes, a leading minus) as one field and one cell', () => {
    const description = '-3楼漏水，"很急"\n请尽快处理';
    const csv = toCsv({ name: 't', header: ['编号', '需求内容'], rows: [[1, description]] }).toString('utf8');
    expect(csv.slice(1)).toBe('编号,需求内容\r\n1,"\'-3楼漏水，""很急""\n请尽快处理"\r\n');
    const sheet = strFromU8(
      unzipSync(new Uint8Array(toXlsx({ name: 't', header: ['编号', '需求内容'], rows: [[1, description]] })))['xl/worksheets/sheet1.xml'],
    );
    // An inline string is text, never a formula: no apostrophe needed in the workbook.
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">-3楼漏水，&quot;很急&quot;\n请尽快处理</t></is></c>');
  });
});
