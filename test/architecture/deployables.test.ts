import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ALL_MIGRATIONS, FUNCTIONS, MODULES } from '../../cloud/src/app';
import { MessageKind, capabilitiesOf } from '@hg/types';
import { closure, functionsOf, migrationTimestamp, type DomainModule } from '../../cloud/src/core/module';
import { PRODUCT_MODULES } from '../../cloud/src/registry';
import { dropMigrations } from '../../scripts/build-cloud';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..');
const FUNCTION_DIRS = fs
  .readdirSync(path.join(ROOT, 'cloud', 'functions'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Our own code in a deployed function's bundle (packages left out): bytes, entity files, modules. */
async function ownCode(fn: string) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'cloud', 'functions', fn, 'index.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    metafile: true,
    minify: true,
    keepNames: true,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    // As deployed: migration files load as empty classes (functions never migrate).
    plugins: [dropMigrations],
    outfile: 'out.js',
    logLevel: 'error',
  });
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.keys(output.inputs);
  return {
    bytes: output.bytes,
    entities: inputs.filter((i) => i.endsWith('.entity.ts')).sort(),
    modules: [...new Set(inputs.map((i) => /^cloud\/src\/modules\/(\w+)\//.exec(i)?.[1]).filter((m): m is string => !!m))].sort(),
  };
}

describe('deployables: the lists the composition root reads', () => {
  it('every deployed function folder is served by FUNCTIONS, and nothing else is', () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual(FUNCTION_DIRS);
  });

  /** Functions composed from what every module declares, rather than served by their own modules. */
  const COMPOSED: Record<string, string> = { escalation: 'deployTimers(', settings: 'settingsActions(' };

  it('each function entry deploys its own name (or composes what every module declares)', () => {
    for (const fn of FUNCTION_DIRS) {
      const source = fs.readFileSync(path.join(ROOT, 'cloud', 'functions', fn, 'index.ts'), 'utf8');
      const deploysItself = source.includes(`deployFunction('${fn}',`);
      const composed = fn in COMPOSED && source.includes(COMPOSED[fn]);
      expect({ fn, ok: deploysItself || composed }).toEqual({ fn, ok: true });
      expect(fs.existsSync(path.join(ROOT, 'cloud', 'functions', fn, 'config.json'))).toBe(true);
    }
  });

  it('the demo login is local: no product module requires it and no function serves it', () => {
    expect(closure(PRODUCT_MODULES).map((m) => m.name)).not.toContain('demo');
    expect(MODULES.map((m) => m.name)).toContain('demo');
  });

  it('an action declared twice for one function is refused at load time', () => {
    const table = { get: FUNCTIONS.me.get };
    const a: DomainModule = { name: 'a', entities: [], functions: { me: table } };
    const b: DomainModule = { name: 'b', entities: [], functions: { me: table } };
    expect(() => functionsOf([a, b])).toThrow('function me: action get is declared twice (module b)');
  });

  it('every message kind, capability and subject kind has exactly one owning module', () => {
    const owners = (pick: (m: DomainModule) => readonly string[] | undefined) =>
      MODULES.flatMap((m) => (pick(m) ?? []).map((k) => `${k}@${m.name}`)).sort();
    const messages = owners((m) => m.messages);
    expect(messages.map((k) => k.split('@')[0]).sort()).toEqual(Object.values(MessageKind).sort());
    const capabilities = owners((m) => m.capabilities);
    expect(capabilities.map((k) => k.split('@')[0]).sort()).toEqual(Object.keys(capabilitiesOf([])).sort());
    const subjects = owners((m) => m.subjects).map((k) => k.split('@')[0]);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('migrations run in timestamp order, each once', () => {
    const stamps = ALL_MIGRATIONS.map(migrationTimestamp);
    expect([...stamps].sort((x, y) => x - y)).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  // Issue 14: a function's bundle carries its module and its `requires` closure, nothing more. The
  // `me` function is on every page's first paint, so its own code is held to a budget (measured
  // 2026-12-07: 50,911 bytes minified, 14 entities, once types/ was marked free of import-time
  // effects — before that every zod schema added anywhere in types/ landed in every bundle and
  // `me` had grown to 64,688). Raise it only on purpose, in review. Lowered to 48 KiB on
  // 2026-12-07 (46,274 bytes): the notifications schemas moved out of types/needs-schemas.ts,
  // which every function had carried whole for their sake. Later that day the push outbox's second
  // migration took it to 49,762; migration files now load as empty classes in function bundles
  // (scripts/build-cloud.ts, dropMigrations: functions never migrate), which brought it to 47,772.
  // 2026-12-08: the identity kernel's grid scopes (grid_coverage, grid_assignments: a grid worker's
  // reach is read with the actor on every call, and the scope rule narrows by it) joined every
  // bundle: 15 entities, 51,349 bytes; raised on purpose to 52 KiB.
  it('the me bundle carries only its closure: 15 entities, 5 modules, ≤ 53,248 bytes of our code', async () => {
    const me = await ownCode('me');
    expect(me.modules).toEqual(['community', 'households', 'identity', 'me', 'notifications']);
    expect(me.entities).toEqual([
      'cloud/src/core/subject-event.entity.ts',
      'cloud/src/modules/community/building.entity.ts',
      'cloud/src/modules/community/community.entity.ts',
      'cloud/src/modules/community/compound.entity.ts',
      'cloud/src/modules/community/organisation-compound.entity.ts',
      'cloud/src/modules/community/organisation.entity.ts',
      'cloud/src/modules/community/street.entity.ts',
      'cloud/src/modules/community/unit.entity.ts',
      'cloud/src/modules/households/household-member.entity.ts',
      'cloud/src/modules/households/household.entity.ts',
      'cloud/src/modules/identity/grid-scope.entity.ts',
      'cloud/src/modules/identity/role-assignment.entity.ts',
      'cloud/src/modules/identity/usage-counter.entity.ts',
      'cloud/src/modules/identity/user.entity.ts',
      'cloud/src/modules/notifications/notification.entity.ts',
    ]);
    expect(me.bytes).toBeLessThanOrEqual(53_248);
  });

  it('no function but the timer function carries the timers module', async () => {
    for (const fn of ['needs', 'households']) expect((await ownCode(fn)).modules).not.toContain('timers');
    expect((await ownCode('escalation')).modules).toContain('timers');
  });
});
