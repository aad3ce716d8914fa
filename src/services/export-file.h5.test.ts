import type { NeedExportDTO } from '@hg/types';
import { saveExport } from './export-file.h5';

const base: NeedExportDTO = { filename: '南街社区需求台账.csv', mime: 'text/csv; charset=utf-8', base64: null, url: null, fileId: null, bytes: 3, rows: 1 };

describe('saveExport on H5', () => {
  let clicked: { href: string; download: string }[];
  beforeEach(() => {
    clicked = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = jest.fn(() => 'blob:local/1');
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = jest.fn();
  });
  afterEach(() => jest.restoreAllMocks());

  it('downloads a stored export from its link, under the ledger name', async () => {
    await expect(saveExport({ ...base, url: '/uploads/exports/0123456789abcdef0123456789abcdef.csv', bytes: 300_000 })).resolves.toBeNull();
    expect(clicked).toEqual([{ href: `${window.location.origin}/uploads/exports/0123456789abcdef0123456789abcdef.csv`, download: '南街社区需求台账.csv' }]);
    expect(document.querySelectorAll('a').length).toBe(0);
  });

  it('turns a small inline file into a Blob download', async () => {
    await expect(saveExport({ ...base, base64: Buffer.from('a,b').toString('base64') })).resolves.toBeNull();
    expect(clicked).toEqual([{ href: 'blob:local/1', download: '南街社区需求台账.csv' }]);
  });
});
