/**
 * The client suite runs twice, in Beijing and in New York time (jest.config.js, test/jsdom-in-zone.js):
 * this proves the device zone of each run is the one its project names.
 */
const OFFSET_MINUTES: Record<string, number> = { 'Asia/Shanghai': -480, 'America/New_York': 300 };

it('runs in the device time zone its project names', () => {
  expect(process.env.TZ).toBeDefined();
  expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(OFFSET_MINUTES[process.env.TZ as string]);
});
