import path from 'node:path';
import { MODULES } from '../../cloud/src/app';
import { KNOWN_DEBT, MODULE_RANK, checkFile, checkRequires, checkTree, formatViolations, importsOf, target } from './boundaries';

const ROOT = path.resolve(__dirname, '../..');

/** Each module's declared `requires`, by name, as the composition root holds them. */
const REQUIRES = Object.fromEntries(MODULES.map((m) => [m.name, (m.requires ?? []).map((r) => r.name)]));

describe('architecture boundaries', () => {
  const { violations, debt } = checkTree(ROOT, REQUIRES);

  it('the tree keeps every import rule', () => {
    expect(formatViolations(violations)).toBe('');
  });

  it('every known debt still exists (remove an entry once its import is gone)', () => {
    const stale = KNOWN_DEBT.filter((d) => !debt.some((v) => v.file === d.file && v.specifier === d.specifier));
    expect(stale).toEqual([]);
  });

  it('reads the declarations of every module', () => {
    // Every module in MODULES has a rank, and every rank names a module: a new domain adds one line there.
    expect(Object.keys(REQUIRES).sort()).toEqual(Object.keys(MODULE_RANK).sort());
    expect(Object.keys(REQUIRES)).toEqual(expect.arrayContaining(['bookings', 'community', 'demo', 'home', 'households', 'identity', 'me', 'needs', 'notifications', 'ratings', 'timers']));
  });

  // The checker itself: each rule refuses a forbidden import.
  it.each([
    // types/
    ['types/links.ts', "import { ROUTES } from '../src/routes';", 'types/ imports neither side (only types/ and packages)'],
    ['types/api.ts', "import type { Need } from '../cloud/src/modules/needs/need.entity';", 'types/ imports neither side (only types/ and packages)'],
    // the client
    ['src/pages/home/index.tsx', "import { FUNCTIONS } from '../../../cloud/src/app';", 'the client imports no server code'],
    ['src/pages/home/index.tsx', "import { LIMITS } from '@hg/types';", 'the client imports values from @hg/types/<file>, not the index'],
    ['src/pages/home/index.tsx', "import { seedCity } from '../../../scripts/lib/cloud-harness';", 'the client imports no scripts, benchmarks or test code'],
    ['src/packages/needs/pages/create/index.tsx', "import { RoomPicker } from '../../../household/pages/bind/RoomPicker';", 'client subpackages never import each other'],
    ['src/services/session.ts', "import { ROUTES } from '../routes';", 'services never import routes or pages'],
    ['src/services/needs.ts', "import Me from '../pages/me';", 'services never import routes or pages'],
    ['src/services/needs.ts', "import Create from '../packages/needs/pages/create/index.tsx';", 'services never import routes or pages'],
    // core
    ['cloud/src/core/action.ts', "import { Need } from '../modules/needs/need.entity';", 'core imports no module, composition root, seed, migration, gateway or function'],
    ['cloud/src/core/data-source.ts', "import { MODULES } from '../app';", 'core imports no module, composition root, seed, migration, gateway or function'],
    ['cloud/src/core/data-source.ts', "const { MIGRATIONS } = require('../migrations');", 'core imports no module, composition root, seed, migration, gateway or function'],
    // modules: surfaces, ranks, the composition root, seed, migrations
    ['cloud/src/modules/identity/actor.ts', "import { Household } from '../households/public';", 'modules import only downward: identity (rank 0) may not import households (rank 2)'],
    ['cloud/src/modules/needs/actions/create-need.ts', "import { findUnit } from '../../households/household-lookup';", 'modules use households only through households/public'],
    ['cloud/src/modules/needs/need-flow.ts', "import { Notification } from '../notifications/notification.entity';", 'modules use notifications only through notifications/public'],
    ['cloud/src/modules/needs/need-flow.ts', "import { latestFirmRating } from '../ratings/public';", 'modules import only downward: needs (rank 4) may not import ratings (rank 5)'],
    ['cloud/src/modules/bookings/booking-flow.ts', "import { NEED_MACHINE } from '../needs/public';", 'modules import only downward: bookings (rank 4) may not import needs (rank 4)'],
    ['cloud/src/modules/slots/reservations.ts', "import { centresServing } from '../bookings/public';", 'modules import only downward: slots (rank 3) may not import bookings (rank 4)'],
    ['cloud/src/modules/needs/need-flow.ts', "import { fileNeed } from '../needs2/public';", 'needs2 has no rank in MODULE_RANK'],
    ['cloud/src/modules/needs/need-flow.ts', "import { FUNCTIONS } from '../../app';", 'no module imports app.ts, wiring.ts, the registry or an entry point'],
    ['cloud/src/modules/needs/need-flow.ts', "import { wire } from '../../wiring.ts';", 'no module imports app.ts, wiring.ts, the registry or an entry point'],
    ['cloud/src/modules/timers/index.ts', "import { PRODUCT_MODULES } from '../../registry';", 'no module imports app.ts, wiring.ts, the registry or an entry point'],
    ['cloud/src/core/module.ts', "import { PRODUCT_MODULES } from '../registry';", 'core imports no module, composition root, seed, migration, gateway or function'],
    ['cloud/src/registry.ts', "import { seedDemoCity } from './seed/run-seed';", 'app.ts, wiring.ts and registry.ts import modules, migrations and core only'],
    ['cloud/src/registry.ts', "import { bookSlot } from './modules/bookings/actions/book-slot';", 'composition code uses a module through its index.ts or public.ts'],
    ['cloud/src/modules/needs/need-flow.ts', "const seed = await import('../../seed/seed');", 'no module imports the seed'],
    ['cloud/src/modules/needs/need-flow.ts', "import { Needs } from '../../migrations/1764288000000-Needs';", 'no module imports a migration (only its index.ts lists its own)'],
    ['cloud/src/modules/needs/need-flow.ts', "import { X } from './migrations/1799999999999-X';", 'no module imports a migration (only its index.ts lists its own)'],
    ['cloud/src/modules/ratings/index.ts', "import { X } from '../needs/migrations/1799999999999-X';", 'no module imports a migration (only its index.ts lists its own)'],
    ['cloud/src/modules/needs/migrations/1799999999999-X.ts', "import { Need } from '../need.entity';", 'migrations import only migrations, core and types (never entities)'],
    ['cloud/src/modules/needs/need-flow.ts', "import { startGateway } from '../../../gateway/start';", 'no module imports the gateway or a deployed function'],
    ['cloud/src/modules/ratings/index.ts', "import { Need } from '../needs/need.entity';", 'modules use needs only through needs/public'],
    ['cloud/src/modules/needs/need-flow.ts', "import { needsModule } from '../households';", 'modules use households only through households/public'],
    // public surfaces are functions: no entity class, re-exported or wrapped
    ['cloud/src/modules/community/public.ts', "export { Compound } from './compound.entity';", 'public.ts exports functions, never an entity class (*.entity.ts, entities.ts)'],
    ['cloud/src/modules/identity/public.ts', "export type { User } from './user.entity.ts';", 'public.ts exports functions, never an entity class (*.entity.ts, entities.ts)'],
    ['cloud/src/modules/ratings/public.ts', "import { FirmResult } from './entities';\nexport const firmResults = FirmResult;", 'public.ts exports functions, never an entity class (*.entity.ts, entities.ts)'],
    // migrations
    ['cloud/src/migrations/1764288000000-Needs.ts', "import { Need } from '../modules/needs/need.entity';", 'migrations import only migrations, core and types (never entities)'],
    // deployed functions
    ['cloud/functions/needs/index.ts', "import { FUNCTIONS } from '../../src/app';", 'a deployed function imports wiring.ts, never app.ts (it would bundle every module)'],
    ['cloud/functions/needs/index.ts', "import { seed } from '../../src/seed/seed';", 'a deployed function carries no seed, gateway, entry point or migration of its own'],
    ['cloud/functions/needs/index.ts', "import { createNeed } from '../../src/modules/needs/actions/create-need';", 'a deployed function names modules by their index.ts'],
    // composition code: gateway, seed, app.ts, wiring.ts
    ['cloud/gateway/server.ts', "import { Need } from '../src/modules/needs/need.entity';", 'composition code uses a module through its index.ts or public.ts'],
    ['cloud/src/seed/demo-needs.ts', "import { Household } from '../modules/households/household.entity';", 'composition code uses a module through its index.ts or public.ts'],
    ['cloud/src/app.ts', "import { seed } from './seed/seed';", 'app.ts, wiring.ts and registry.ts import modules, migrations and core only'],
    ['cloud/src/seed/seed.ts', "import { main } from '../../functions/needs';", 'composition code never imports a deployed function'],
    ['cloud/src/seed/seed.ts', "import { startGateway } from '../../gateway/start';", 'the seed imports no gateway or entry point'],
    // server and tools never take client code; product code never takes tools
    ['cloud/gateway/server.ts', "import { ROUTES } from '../../src/routes';", 'server code and tools import no client code'],
    ['bench/needs-queue.ts', "import { openPage } from '../src/routes';", 'server code and tools import no client code'],
    ['cloud/src/modules/needs/need-flow.ts', "import { seedCity } from '../../../../scripts/lib/cloud-harness';", 'product code imports no scripts, benchmarks or test code'],
    ['cloud/gateway/server.ts', "import { buildResident } from '../../test/factories';", 'product code imports no scripts, benchmarks or test code'],
    // an import the checker cannot resolve is refused in product code
    ['cloud/src/modules/needs/need-flow.ts', 'const m = await import(`../${name}/public`);', 'imports name a fixed path (a computed import() or require() cannot be checked)'],
  ])('%s: %s is refused', (file, line, rule) => {
    expect(checkFile(file, `${line}\n`)).toEqual([expect.objectContaining({ rule, line: 1 })]);
  });

  it.each([
    ['cloud/src/modules/needs/need-flow.ts', "import { usersWithRoleOver } from '../identity/public';"],
    ['cloud/src/modules/needs/need-flow.ts', "import { usersWithRoleOver } from '../identity/public.ts';"],
    ['cloud/src/modules/needs/index.ts', "import { identityModule } from '../identity';"],
    ['cloud/src/modules/needs/index.ts', "import { identityModule } from '../identity/index';"],
    ['cloud/src/modules/needs/need-flow.ts', "import { transition } from '../../core/state-machine';"],
    ['cloud/src/modules/ratings/compute.ts', "import { firmServiceStats } from '../needs/public';"],
    ['cloud/src/modules/community/public.ts', "export { compoundsByIds, type CompoundRow } from './places';"],
    ['cloud/src/modules/community/places.ts', "import { Compound } from './compound.entity';"],
    ['src/pages/home/index.tsx', "import type { MeDTO } from '@hg/types';"],
    ['src/pages/home/index.tsx', "import { type MeDTO, type Envelope } from '@hg/types';"],
    ['src/pages/home/index.tsx', "import { LIMITS } from '@hg/types/limits';"],
    ['src/packages/needs/pages/create/index.tsx', "import { TextBox } from '../../../../components/TextBox';"],
    ['src/services/needs.ts', "import { client } from './client';"],
    ['src/services/transport.h5.test.ts', "import { __storage } from '../../test/mocks/taro';"],
    ['cloud/src/app.ts', "import { needActions } from './modules/needs';"],
    ['cloud/functions/needs/index.ts', "import { needActions, needsModule } from '../../src/modules/needs';"],
    ['cloud/gateway/start.ts', "import { FUNCTIONS } from '../src/app';"],
    ['bench/ratings-close.ts', "import { compute } from '../cloud/src/modules/ratings/compute';"],
    ['scripts/build-cloud.ts', 'const code = `require("../error/MissingDriverError")`;'],
  ])('%s: %s is allowed', (file, line) => {
    expect(checkFile(file, `${line}\n`)).toEqual([]);
  });

  it('reads every form of import, with its line', () => {
    const source = [
      "import a from './a';",
      "import type { B } from './b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "export * from './e';",
      "import f = require('./f');",
      "const g = require('./g');",
      "const h = await import('./h');",
      "type I = import('./i').I;",
      "import './j';",
      '// import x from "./commented";',
      "const s = \"import y from './in-a-string'\";",
    ].join('\n');
    expect(importsOf(source).map((i) => [i.specifier, i.line, i.typeOnly])).toEqual([
      ['./a', 1, false],
      ['./b', 2, true],
      ['./c', 3, false],
      ['./d', 4, true],
      ['./e', 5, false],
      ['./f', 6, false],
      ['./g', 7, false],
      ['./h', 8, false],
      ['./i', 9, true],
      ['./j', 10, false],
    ]);
  });

  it('resolves aliases, baseUrl paths, extensions and index files to one path', () => {
    const from = 'cloud/src/modules/ratings/compute.ts';
    for (const spec of ['../needs', '../needs/', '../needs/index', '../needs/index.ts', 'cloud/src/modules/needs', '../../modules/needs/../needs/index.js'])
      expect(target(from, spec)).toBe('cloud/src/modules/needs');
    expect(target('src/app.tsx', '@hg/types')).toBe('types');
    expect(target('src/app.tsx', '@hg/types/links.ts')).toBe('types/links');
    expect(target('src/app.tsx', '@tarojs/taro')).toBeNull();
  });

  it('a forbidden import through the baseUrl is refused like a relative one', () => {
    expect(checkFile('cloud/src/core/action.ts', "import { Need } from 'cloud/src/modules/needs/need.entity';\n")).toHaveLength(1);
  });

  it('a module whose imports and requires differ is refused, both ways', () => {
    const files = [
      { file: 'cloud/src/modules/ratings/index.ts', source: "import { needsModule } from '../needs';\nexport const ratingsModule = {\n  requires: [needsModule],\n};\n" },
      { file: 'cloud/src/modules/ratings/compute.ts', source: "import { usersById } from '../identity/public';\n" },
    ];
    expect(checkRequires(files, { ratings: ['needs'] })).toEqual([
      { file: 'cloud/src/modules/ratings/compute.ts', line: 1, specifier: 'identity', rule: 'ratings uses identity but does not declare it in requires' },
      { file: 'cloud/src/modules/ratings/index.ts', line: 3, specifier: 'needs', rule: 'ratings declares needs in requires but never uses it' },
    ]);
    expect(checkRequires(files, { ratings: ['identity'] })).toEqual([]);
  });
});
