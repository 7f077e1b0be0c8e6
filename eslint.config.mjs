import nx from '@nx/eslint-plugin';

// Layers are enforced, not described: a forbidden import fails `nx lint`.
const frameworks = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'pg',
  'pg-copy-streams',
  'bullmq',
  'ioredis',
  'express',
  'rxjs',
  'echarts',
  'ngx-echarts',
].flatMap((name) => (name.endsWith('/*') ? [name] : [name, `${name}/*`]));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/.tools', '**/artifacts', '**/var'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // web sees the API contract and UI code only: never server code or domain internals.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:workers', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            {
              sourceTag: 'type:contract',
              onlyDependOnLibsWithTags: ['type:contract'],
              bannedExternalImports: ['*'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract'],
              bannedExternalImports: frameworks,
            },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:contract'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:contract', 'type:ui'] },
          ],
        },
      ],
    },
  },
];
