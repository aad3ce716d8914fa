/**
 * H5: hand `tel:` to a separate browsing context (a `target="_blank"` link clicked inside the
 * user's tap), never to the app's own frames. Taro's H5 `makePhoneCall` sets
 * `window.location.href = 'tel:…'`; in Chromium that navigation (and the same in an iframe) leaves
 * the page ignoring real taps and clicks afterwards — script-dispatched events still work, so the
 * router is fine but a person is stuck until a reload. A new context takes the number to the
 * dialer and closes; the app's window never starts a navigation. Proven in
 * test/browser/newcomer-journey.test.ts.
 */
export function dial(phone: string): void {
  const link = document.createElement('a');
  link.href = `tel:${phone}`;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
