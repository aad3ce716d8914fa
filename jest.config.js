/**
 * Four projects: `cloud` (functions, types, integration), `client` and `client-ny` (Taro components
 * in jsdom, in Beijing and in New York time), `browser` (journeys against a built H5 app).
 * `testTimeout` is global in Jest, so slow files set their own with jest.setTimeout.
 */
const swcNode = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: false },
      target: 'es2020',
    },
    module: { type: 'commonjs' },
  },
];

const typesAlias = {
  '^@hg/types$': '<rootDir>/types/index.ts',
  '^@hg/types/(.*)$': '<rootDir>/types/$1',
};

/**
 * The client suite, run in a given time zone: the community lives on Beijing time whatever the
 * device says, so the same tests run in Asia/Shanghai and in America/New_York.
 */
const clientIn = (displayName, timezone) => ({
  displayName,
  testEnvironment: '<rootDir>/test/jsdom-in-zone.js',
  testEnvironmentOptions: { timezone },
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  // Build-time flags the Taro runtime/components expect webpack to define.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // The components package ships ESM (and its own ESM tslib): let swc compile those too.
  transformIgnorePatterns: ['^(?!.*/node_modules/(@tarojs|@stencil|swiper|ssr-window|dom7|resolve-pathname)/).*/node_modules/'],
  moduleNameMapper: {
    ...typesAlias,
    '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
  },
});

module.exports = {
  projects: [
    {
      displayName: 'cloud',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: [
        '<rootDir>/cloud/**/*.test.ts',
        '<rootDir>/types/**/*.test.ts',
        '<rootDir>/test/integration/**/*.test.ts',
        '<rootDir>/test/architecture/**/*.test.ts',
      ],
      transform: { '^.+\\.(t|j)sx?$': swcNode },
      moduleNameMapper: typesAlias,
    },
    clientIn('client', 'Asia/Shanghai'),
    clientIn('client-ny', 'America/New_York'),
    {
      displayName: 'browser',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      // One Chromium for the project's files (test/browser/chromium.ts).
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
      transform: { '^.+\\.(t|j)sx?$': swcNode },
      moduleNameMapper: typesAlias,
    },
  ],
};
