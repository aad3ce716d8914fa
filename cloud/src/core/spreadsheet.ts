import { strToU8, zipSync } from 'fflate';
import type { Platform } from './platform';

// The one spreadsheet writer (CSV and XLSX) for every export: needs 台账, the meal-subsidy report.

/** A table to export: a header row, then rows of text or numbers (null = empty cell). */
export type Cell = string | number | null;
export interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR that some
 * apps strip first) gets a leading apostrophe: shown as text, never executed (OWASP CSV injection).
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = guardFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Excel opens Chinese text correctly: UTF-8 with a byte-order mark, CRLF line ends. */
export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

// Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlText = (s: string) => s.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Approximate column width in characters: CJK characters take two. */
function displayWidth(cell: Cell): number {
  const text = cell === null ? '' : String(cell);
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function sheetXml(sheet: Sheet): string {
  const row = (cells: Cell[], r: number, style: string) =>
    `<row r="${r}">${cells
      .map((cell, c) => {
        const ref = `${columnName(c)}${r}`;
        if (cell === null) return '';
        if (typeof cell === 'number') return `<c r="${ref}"${style}><v>${cell}</v></c>`;
        // Inline strings: text is never a formula here, and no sharedStrings part is needed.
        return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
      })
      .join('')}</row>`;
  const sample = [sheet.header, ...sheet.rows.slice(0, 200)];
  const cols = sheet.header
    .map((_, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(40, Math.max(8, ...sample.map((r) => displayWidth(r[i]))) + 2)}" customWidth="1"/>`)
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    `<cols>${cols}</cols>`,
    '<sheetData>',
    row(sheet.header, 1, ' s="1"'),
    ...sheet.rows.map((cells, i) => row(cells, i + 2, '')),
    '</sheetData>',
    '</worksheet>',
  ].join('');
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * The smallest .xlsx Excel, WPS and LibreOffice open without a repair prompt: content types,
 * package relationships, a workbook with one sheet, and styles (a bold header row).
 */
export function toXlsx(sheet: Sheet): Buffer {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheets><sheet name="${xmlText(sheet.name.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '</Relationships>',
    'xl/styles.xml':
      `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>',
    'xl/worksheets/sheet1.xml': sheetXml(sheet),
  };
  const entries = Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)]));
  return Buffer.from(zipSync(entries, { level: 6 }));
}

/**
 * Up to this size a file comes back inline (base64, one round trip); a larger one is stored
 * (platform.files) and comes back as a link, so no response carries megabytes of base64.
 * 256 KB is about 1,500 rows of XLSX or 800 of CSV.
 */
export const EXPORT_INLINE_MAX_BYTES = 256 * 1024;

const EXPORT_MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** An export as every caller hands it over (the client's saveExport reads this shape). */
export interface ExportedFile {
  filename: string;
  mime: string;
  base64: string | null;
  url: string | null;
  fileId: string | null;
  bytes: number;
  rows: number;
}

/** Writes the sheet as CSV or XLSX and hands it over: inline when small, else stored with a link. */
export async function exportSheet(
  files: Platform['files'],
  sheet: Sheet,
  opts: { format: 'csv' | 'xlsx'; filename: string },
): Promise<ExportedFile> {
  const file = opts.format === 'csv' ? toCsv(sheet) : toXlsx(sheet);
  const base = { filename: opts.filename, mime: EXPORT_MIME[opts.format], bytes: file.length, rows: sheet.rows.length };
  if (file.length <= EXPORT_INLINE_MAX_BYTES) return { ...base, base64: file.toString('base64'), url: null, fileId: null };
  const stored = await files.save({ ext: opts.format, body: file });
  return { ...base, base64: null, url: stored.url, fileId: stored.fileId };
}
