import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Issue 14, items 2–3: a domain declares itself, so adding one is cheap and safe. This test adds a
 * throwaway domain — one entity, one migration, one machine, one action, one page — to a scratch
 * copy of the tree, touching at most five existing files (docs/architecture.md names them), and
 * proves there that the typecheck, the import boundaries, the action (on SQLite, and on MySQL when
 * MYSQL_URL is set) and the page's route all work. Nothing in the real tree changes.
 */

jest.setTimeout(15 * 60_000);

const ROOT = path.resolve(__dirname, '..', '..');

/** The existing files a new domain edits: one line (and its import) in each. */
export const TOUCHED = ['types/api.ts', 'cloud/src/registry.ts', 'test/architecture/boundaries.ts', 'src/manifests.ts'];

const NEW_FILES: Record<string, string> = {
  'types/example.ts': `import { z } from 'zod';

/** A throwaway domain (issue 14's proof): a titled note a resident files. */
export const ZFileExampleRequest = z.object({ title: z.string().trim().min(1, '请填写标题').max(40, '标题最多40字') }).strict();
export type TFileExampleRequest = z.infer<typeof ZFileExampleRequest>;

export type ExampleStatus = 'draft' | 'filed';
export interface ExampleDTO {
  id: number;
  title: string;
  status: ExampleStatus;
}

export interface ExampleApi {
  example: {
    file: [TFileExampleRequest, ExampleDTO];
  };
}
`,
  'cloud/src/modules/example/example.entity.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ExampleStatus } from '@hg/types/example';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

@Entity('examples')
export class Example {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(40) title: string;
  @Column({ type: 'varchar', length: 8 }) status: ExampleStatus;
  @IdColumn() userId: number;
  @DateTimeColumn() createdAt: Date;
}
`,
  'cloud/src/modules/example/example-status.ts': `import type { ExampleStatus } from '@hg/types/example';
import { defineMachine } from '../../core/state-machine';

export const EXAMPLE_MACHINE = defineMachine<ExampleStatus, 'file'>({
  name: 'example',
  states: ['draft', 'filed'],
  rows: [{ action: 'file', from: ['draft'], to: 'filed', event: 'filed' }],
});
`,
  'cloud/src/modules/example/actions/file-example.ts': `import { ZFileExampleRequest, type ExampleDTO } from '@hg/types/example';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { transition } from '../../../core/state-machine';
import { EXAMPLE_MACHINE } from '../example-status';
import { Example } from '../example.entity';

/** Write a draft and file it, in one transaction, through the state-machine kit. */
export const fileExample = defineAction({
  input: ZFileExampleRequest,
  async handler(input, { actor, tx }): Promise<ExampleDTO> {
    return tx(async (em) => {
      const at = clock.now();
      const row = await em.save(em.create(Example, { title: input.title, status: 'draft', userId: actor.userId, createdAt: at }));
      await transition({ em, machine: EXAMPLE_MACHINE, entity: Example, row, action: 'file', at, actorId: actor.userId });
      return { id: row.id, title: row.title, status: row.status };
    });
  },
});
`,
  'cloud/src/modules/example/migrations/1799999999999-Example.ts': `import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

export class Example1799999999999 implements MigrationInterface {
  name = 'Example1799999999999';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(table('examples', [col.id(), col.str('title', 40), col.str('status', 8), col.int('userId'), col.datetime('createdAt')]));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('examples');
  }
}
`,
  'cloud/src/modules/example/public.ts': `/** Nothing shared yet. */
export {};
`,
  'cloud/src/modules/example/index.ts': `import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { fileExample } from './actions/file-example';
import { Example } from './example.entity';
import { Example1799999999999 } from './migrations/1799999999999-Example';

export const exampleActions = { file: fileExample } satisfies ActionTableFor<'example'>;

export const exampleModule: DomainModule = {
  name: 'example',
  entities: [Example],
  migrations: [Example1799999999999],
  functions: { example: exampleActions },
  subjects: ['example'],
};
`,
  'cloud/functions/example/index.ts': `import { exampleModule } from '../../src/modules/example';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('example', [exampleModule]);
`,
  'cloud/functions/example/config.json': '{ "permissions": { "openapi": [] } }\n',
  'src/services/example.ts': `import { client } from './client';

export const example = client('example', ['file']);
`,
  'src/packages/example/manifest.ts': `import type { SubpackageManifest } from '../../manifest-types';

export default {
  root: 'packages/example',
  pages: { exampleHome: 'pages/home/index' },
  entries: [{ label: '示例', route: 'exampleHome', section: 'info', when: 'signedIn', testId: 'entry-example' }],
} as const satisfies SubpackageManifest;
`,
  'src/packages/example/pages/home/index.config.ts': `export default definePageConfig({ navigationBarTitleText: '示例' });
`,
  'src/packages/example/pages/home/index.tsx': `import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ExampleDTO } from '@hg/types/example';
import { example } from '../../../../services/example';

export default function ExamplePage() {
  const [filed, setFiled] = useState<ExampleDTO | null>(null);
  return (
    <View>
      <View role='button' onClick={async () => setFiled(await example.file({ title: '示例' }).then((r) => (r.ok ? r.data : null)))}>
        提交
      </View>
      {filed ? <View>{filed.status}</View> : null}
    </View>
  );
}
`,
  'test/integration/example-domain.test.ts': `import { appPages, routeCatalogue } from '../../src/manifests';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, errorCode, ok } from '../factories';

jest.setTimeout(120_000);

describe.each(DIALECTS)('the example domain on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());

  it('files through its action, its machine and the subject log', async () => {
    const filed = ok(await call('example', 'file', { title: '楼道灯' }, as('resident')));
    expect(filed).toMatchObject({ title: '楼道灯', status: 'filed' });
    const [row] = await db.ds.query('SELECT status FROM examples WHERE id = ?', [filed.id]);
    expect(row.status).toBe('filed');
    const events = await db.ds.query("SELECT action, from_status AS fromStatus, to_status AS toStatus FROM subject_events WHERE subject_kind = 'example' AND subject_id = ?", [filed.id]);
    expect(events).toEqual([{ action: 'filed', fromStatus: 'draft', toStatus: 'filed' }]);
    expect(errorCode(await call('example', 'file', { title: '' }, as('resident')))).toBe('INVALID_INPUT');
  });
});

it('its page is in app.json and the route catalogue', () => {
  const { subPackages } = appPages();
  expect(subPackages).toContainEqual({ root: 'packages/example', pages: ['pages/home/index'] });
  expect(routeCatalogue().exampleHome).toBe('/packages/example/pages/home/index');
});
`,
};

/** One line (and its import) in each touched file; each anchor must exist, or the test says which. */
const EDITS: { file: string; find: string; replace: string }[] = [
  { file: 'types/api.ts', find: 'export interface Api extends ', replace: 'export interface Api extends ExampleApi, ' },
  { file: 'types/api.ts', find: "import type { BookingsApi } from './bookings.api';", replace: "import type { BookingsApi } from './bookings.api';\nimport type { ExampleApi } from './example';" },
  { file: 'cloud/src/registry.ts', find: '  timersModule,\n];', replace: '  timersModule,\n  exampleModule,\n];' },
  { file: 'cloud/src/registry.ts', find: "import { bookingsModule } from './modules/bookings';", replace: "import { bookingsModule } from './modules/bookings';\nimport { exampleModule } from './modules/example';" },
  { file: 'test/architecture/boundaries.ts', find: 'export const MODULE_RANK: Record<string, number> = {', replace: 'export const MODULE_RANK: Record<string, number> = {\n  example: 3,' },
  { file: 'src/manifests.ts', find: "import admin from './packages/admin/manifest';", replace: "import admin from './packages/admin/manifest';\nimport example from './packages/example/manifest';" },
  { file: 'src/manifests.ts', find: 'export const SUBPACKAGES = [', replace: 'export const SUBPACKAGES = [example, ' },
];

function copyTree(to: string) {
  // The working tree as git sees it (tracked and untracked, not ignored), without node_modules.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    const src = path.join(ROOT, f);
    if (!fs.existsSync(src)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    fs.copyFileSync(src, path.join(to, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

function run(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-60).join('\n') };
}

describe('a new domain in a scratch copy of the tree', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-new-domain-'));
    copyTree(scratch);
    for (const [file, text] of Object.entries(NEW_FILES)) {
      const to = path.join(scratch, file);
      if (fs.existsSync(to)) throw new Error(`${file} already exists: the example must only add files there`);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.writeFileSync(to, text);
    }
    for (const edit of EDITS) {
      const p = path.join(scratch, edit.file);
      const before = fs.readFileSync(p, 'utf8');
      if (!before.includes(edit.find)) throw new Error(`${edit.file}: anchor not found: ${edit.find}`);
      fs.writeFileSync(p, before.replace(edit.find, edit.replace));
    }
  });
  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it(`touches at most 5 existing files: ${TOUCHED.join(', ')}`, () => {
    const touched = [...new Set(EDITS.map((e) => e.file))].sort();
    expect(touched).toEqual([...TOUCHED].sort());
    expect(touched.length).toBeLessThanOrEqual(5);
    const docs = fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
    for (const f of TOUCHED) expect(docs).toContain(f);
  });

  it('typechecks', () => {
    const r = run(scratch, [path.join(scratch, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('keeps the import boundaries, serves the action on both databases, and routes the page', () => {
    const r = run(scratch, [
      path.join(scratch, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--selectProjects',
      'cloud',
      '--runTestsByPath',
      'test/architecture/boundaries.test.ts',
      'test/architecture/pages.test.ts',
      'test/architecture/deployables.test.ts',
      'test/integration/example-domain.test.ts',
    ]);
    if (r.status !== 0) throw new Error(r.output);
    expect(r.output).toMatch(/PASS cloud test\/integration\/example-domain\.test\.ts/);
    expect(r.output).toMatch(/Test Suites:\s+4 passed, 4 total/);
  });
});
