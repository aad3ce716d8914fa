/**
 * The counter's camera scanner. Only WeChat has one (`scan-code.weapp.ts`); elsewhere (H5, jest)
 * there is nothing to open and the counter types the code instead.
 */
export async function scanCode(): Promise<string | null> {
  return null;
}
