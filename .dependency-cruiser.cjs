/** The import rules of the architecture, checked on every test run. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is plain data in, plain data out: nothing outside itself but small pure libraries.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^node_modules/(date-fns)/'] },
    },
    {
      name: 'contract-is-standalone',
      comment: 'src/contract is shared with the Custom UI, so it may import nothing.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: '^src/contract/' },
    },
    {
      name: 'ui-imports-no-backend',
      comment: 'The Custom UI sees only the shared contract types, never backend code.',
      severity: 'error',
      from: { path: '^static/' },
      to: { path: '^(src|dev)/', pathNot: '^src/contract/' },
    },
    {
      name: 'only-src-jira-talks-to-jira',
      comment: 'requestJira lives in src/jira alone.',
      severity: 'error',
      from: { path: '^(src|static)/', pathNot: '^src/jira/' },
      to: { path: '^node_modules/@forge/api/' },
    },
    {
      name: 'app-does-not-import-local-platform',
      comment: 'The app must run on Forge, where dev/ and test/ do not exist.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(dev|test)/' },
    },
    {
      name: 'no-ui-kit-1',
      comment: '@forge/ui is the retired UI Kit 1.',
      severity: 'error',
      from: {},
      to: { path: '^node_modules/@forge/ui/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^static/build', '^\\.build'] },
  },
};
