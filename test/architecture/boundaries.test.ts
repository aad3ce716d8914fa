import path from 'node:path';
import { checkFile, checkTree } from './boundaries';

const ROOT = path.resolve(__dirname, '../..');

describe('architecture boundaries', () => {
  it('the tree keeps every import rule', () => {
    expect(checkTree(ROOT)).toEqual([]);
  });

  // The checker itself: each rule fails when a forbidden import is added.
  it.each([
    ['cloud/src/core/action.ts', "import { Need } from '../modules/needs/need.entity';", 'core imports no module'],
    ['cloud/src/core/data-source.ts', "import { MODULES } from '../app';", 'core imports no module'],
    ['cloud/src/modules/identity/actor.ts', "import { Household } from '../households/public';", 'the identity kernel depends on core only'],
    [
      'cloud/src/modules/households/actions/lookup-household.ts',
      "import { PROXY } from '../../needs/actions/create-need';",
      'modules use needs only through needs/public',
    ],
    [
      'cloud/src/modules/needs/need-flow.ts',
      "import { Notification } from '../notifications/notification.entity';",
      'modules use notifications only through notifications/public',
    ],
    ['src/pages/home/index.tsx', "import { FUNCTIONS } from '../../../cloud/src/app';", 'the client imports no server code'],
    ['src/pages/home/index.tsx', "import { LIMITS } from '@hg/types';", 'the client imports values from @hg/types/<file>, not the index'],
    ['types/links.ts', "import { ROUTES } from '../src/routes';", 'types/ imports neither side'],
  ])('%s: %s is refused', (file, line, rule) => {
    expect(checkFile(file, `${line}\n`)).toEqual([expect.objectContaining({ rule })]);
  });

  it.each([
    ['cloud/src/modules/needs/need-flow.ts', "import { usersWithRoleOver } from '../identity/public';"],
    ['cloud/src/modules/needs/index.ts', "import { identityModule } from '../identity';"],
    ['cloud/src/modules/needs/need-flow.ts', "import { transition } from '../../core/state-machine';"],
    ['src/pages/home/index.tsx', "import type { MeDTO } from '@hg/types';"],
    ['src/pages/home/index.tsx', "import { LIMITS } from '@hg/types/limits';"],
    ['cloud/src/app.ts', "import { needActions } from './modules/needs';"],
  ])('%s: %s is allowed', (file, line) => {
    expect(checkFile(file, `${line}\n`)).toEqual([]);
  });
});
