/**
 * What differs between WeChat cloud and the local gateway, behind one interface: how QR codes are
 * drawn and where the H5 app lives. Identity is handled before an action runs (see action.ts).
 */
export interface QrRenderer {
  /** Returns a data URL of the code for `scene` (weapp) or `url` (H5). */
  render(input: { scene: string; url: string; page: string }): Promise<string>;
}

export interface Platform {
  name: 'wechat' | 'local';
  qr: QrRenderer;
  /** Base URL of the H5 app, ending with '/'. */
  publicBaseUrl: string;
}

/** The mini-program page a compound/building code opens, also the H5 route. */
export const ENTRY_PAGE = 'packages/entry/pages/scan/index';

export function entryUrl(baseUrl: string, scene: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}#/${ENTRY_PAGE}?scene=${encodeURIComponent(scene)}`;
}

/** H5/local renderer: an SVG QR code of the H5 entry URL, drawn by the `qrcode` package. */
export const svgQrRenderer: QrRenderer = {
  async render({ url }) {
    const QRCode = await import('qrcode');
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  },
};

export function localPlatform(publicBaseUrl = process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000/'): Platform {
  return { name: 'local', qr: svgQrRenderer, publicBaseUrl };
}
