import Taro from '@tarojs/taro';

/** Opens WeChat's scanner and answers the code read (the booking code is the QR's whole text), or null when closed. */
export async function scanCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return res.result ? res.result.trim() : null;
  } catch {
    // The staff member closed the scanner: nothing to report.
    return null;
  }
}
