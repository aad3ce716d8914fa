import { strFromU8, unzipSync } from 'fflate';

/**
 * The first sheet of an .xlsx as a spreadsheet program reads it: its name and rows of typed cells
 * (numbers stay numbers, text is unescaped). Enough for the sheets core/spreadsheet.ts writes.
 */
export function readXlsx(file: Uint8Array): { sheet: string; rows: (string | number | null)[][] } {
  const parts = unzipSync(file);
  const sheet = /<sheet name="([^"]*)"/.exec(strFromU8(parts['xl/workbook.xml']))?.[1] ?? '';
  const xml = strFromU8(parts['xl/worksheets/sheet1.xml']);
  const rows = [...xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map(([, , cells]) => {
    const row: (string | number | null)[] = [];
    for (const [, col, body] of cells.matchAll(/<c r="([A-Z]+)\d+"[^>]*>(.*?)<\/c>/g)) {
      const i = col.charCodeAt(0) - 65;
      const text = /<t[^>]*>(.*?)<\/t>/.exec(body);
      row[i] = text ? text[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') : Number(/<v>(.*?)<\/v>/.exec(body)![1]);
    }
    return Array.from(row, (c) => c ?? null);
  });
  return { sheet, rows };
}
