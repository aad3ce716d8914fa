import { z } from 'zod';
import { defineSettings } from '@hg/types';
import { MODULES } from '../../app';
import { settingsOf } from '../../core/module';
import { SETTINGS_SECTIONS } from '../../../functions/settings/sections';
import { settingsActions } from '.';
import { parseStored } from './settings-values';

const SECTION = defineSettings({
  key: 'example',
  label: '示例',
  schema: z
    .object({ days: z.number().int().min(1).max(30), roles: z.array(z.string()).min(1), notice: z.object({ on: z.boolean(), text: z.string() }).strict() })
    .strict(),
  defaults: { days: 7, roles: ['宣传员'], notice: { on: true, text: '默认' } },
});

describe('reading a stored section value', () => {
  it('nothing stored: the defaults (a copy), not repaired', () => {
    const read = parseStored(SECTION, null);
    expect(read).toEqual({ value: SECTION.defaults, repaired: false });
    read.value.roles.push('x');
    expect(SECTION.defaults.roles).toEqual(['宣传员']);
  });

  it('a value that parses is taken as it is', () => {
    const stored = { days: 3, roles: ['安全员', '调解员'], notice: { on: false, text: '关' } };
    expect(parseStored(SECTION, JSON.stringify(stored))).toEqual({ value: stored, repaired: false });
  });

  it.each([
    [
      'a field added since (missing in the row): its default',
      { days: 3, roles: ['安全员'] },
      { days: 3, roles: ['安全员'], notice: { on: true, text: '默认' } },
    ],
    [
      'a field dropped since (extra in the row): forgotten',
      { days: 3, roles: ['安全员'], notice: { on: false, text: '关' }, quorum: 2 },
      { days: 3, roles: ['安全员'], notice: { on: false, text: '关' } },
    ],
    [
      'a bound narrowed since: that field falls back, the rest is kept',
      { days: 45, roles: ['安全员'], notice: { on: false, text: '关' } },
      { days: 7, roles: ['安全员'], notice: { on: false, text: '关' } },
    ],
    [
      'a list that no longer fits is replaced whole',
      { days: 3, roles: [], notice: { on: false, text: '关' } },
      { days: 3, roles: ['宣传员'], notice: { on: false, text: '关' } },
    ],
    [
      'a nested field of the wrong type',
      { days: 3, roles: ['安全员'], notice: { on: 'yes', text: '关' } },
      { days: 3, roles: ['安全员'], notice: { on: true, text: '关' } },
    ],
    ['not an object at all', 42, { days: 7, roles: ['宣传员'], notice: { on: true, text: '默认' } }],
  ])('%s', (_what, stored, expected) => {
    expect(parseStored(SECTION, JSON.stringify(stored))).toEqual({ value: expected, repaired: true });
  });

  it('unreadable JSON: the defaults, repaired', () => {
    expect(parseStored(SECTION, '{oops')).toEqual({ value: SECTION.defaults, repaired: true });
  });
});

describe('the sections the settings function serves', () => {
  it('the deployed function lists exactly the sections the wired modules declare (cloud/functions/settings/sections.ts)', () => {
    expect(SETTINGS_SECTIONS.map((s) => s.key).sort()).toEqual(
      settingsOf(MODULES)
        .map((s) => s.key)
        .sort(),
    );
    expect(settingsOf(MODULES).map((s) => s.key)).toContain('bookings');
  });

  it('refuses a section key declared twice', () => {
    expect(() => settingsActions([SECTION, SECTION])).toThrow('declared twice');
  });
});
