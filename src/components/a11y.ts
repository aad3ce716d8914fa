/**
 * Puts a tappable View in the keyboard tab order on H5 (and gives scrollable page containers
 * focusable content, which axe requires). Lowercase on purpose: Taro's H5 React wrapper
 * dash-cases camelCase props (`tabIndex` would become `tab-index`). Mini-programs ignore it.
 */
export const FOCUSABLE: Record<string, unknown> = { tabindex: 0 };
