// "Lint fails on a forbidden import": each case lints a virtual file inside a real project (nothing is written to
// disk) with that project's own ESLint config, then reads what `@nx/enforce-module-boundaries` reported.
//
// Every probe file has two lines:
//   line 1: the import under test;
//   line 2: a canary, a relative import into another project, which the rule always rejects once it knows the
//           project graph and the file's project. The canary must be reported for every case, so an "allowed" case
//           cannot pass because the rule was skipped (no cached graph, file outside any project, file ignored...).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const RULE = '@nx/enforce-module-boundaries';
const workspaceRoot = resolve(__dirname, '../../..');

// Where a probe file of each project lives (virtual: the file is never created).
const probeFiles = {
  contracts: { root: 'libs/contracts', file: 'libs/contracts/src/lib/__boundary_probe__.ts' },
  domain: { root: 'libs/domain', file: 'libs/domain/src/lib/journey/__boundary_probe__.ts' },
  server: { root: 'libs/server', file: 'libs/server/src/lib/__boundary_probe__.ts' },
  api: { root: 'api', file: 'api/src/app/__boundary_probe__.ts' },
  workers: { root: 'workers', file: 'workers/src/app/__boundary_probe__.ts' },
  web: { root: 'web', file: 'web/src/app/__boundary_probe__.ts' },
} as const;
type Project = keyof typeof probeFiles;

interface Probe {
  id: string;
  projectRoot: string;
  file: string;
  code: string;
  ignoreCircular?: boolean;
}
interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  severity: number;
  fatal: boolean;
}

function canaryFor(project: Project): string {
  const target = project === 'contracts' ? 'libs/domain/src/index' : 'libs/contracts/src/index';
  const from = dirname(join(workspaceRoot, probeFiles[project].file));
  return `import * as canary from '${relative(from, join(workspaceRoot, target))}';`;
}

function probe(id: string, project: Project, importLine: string, ignoreCircular = false): Probe {
  const { root, file } = probeFiles[project];
  return { id, projectRoot: root, file, code: `${importLine}\n${canaryFor(project)}\n`, ignoreCircular };
}

interface ForbiddenCase {
  project: Project;
  line: string;
  /** The accepted rule messages, each with what its text must mention (the banned import, the tag...). */
  expected: Partial<Record<string, string[]>>;
}
interface AllowedCase {
  project: Project;
  line: string;
}

const banned = 'bannedExternalImportsViolation';
const tags = 'onlyTagsConstraintViolation';
// Checked before the tags: importing a project that (transitively) imports you back.
const circular = 'noCircularDependencies';

const forbidden: ForbiddenCase[] = [
  // type:domain: pure code, no framework or infrastructure package.
  {
    project: 'domain',
    line: `import { Injectable } from '@nestjs/common';`,
    expected: { [banned]: ['type:domain', '@nestjs/common'] },
  },
  {
    project: 'domain',
    line: `import { NestFactory } from '@nestjs/core';`,
    expected: { [banned]: ['type:domain', '@nestjs/core'] },
  },
  {
    project: 'domain',
    line: `import { DataSource } from 'typeorm';`,
    expected: { [banned]: ['type:domain', 'typeorm'] },
  },
  {
    project: 'domain',
    line: `import type { Repository } from 'typeorm';`,
    expected: { [banned]: ['type:domain', 'typeorm'] },
  },
  { project: 'domain', line: `import { Pool } from 'pg';`, expected: { [banned]: ['type:domain', 'pg'] } },
  { project: 'domain', line: `import { Queue } from 'bullmq';`, expected: { [banned]: ['type:domain', 'bullmq'] } },
  { project: 'domain', line: `export { Worker } from 'bullmq';`, expected: { [banned]: ['type:domain', 'bullmq'] } },
  {
    project: 'domain',
    line: `export const redis = () => import('ioredis');`,
    expected: { [banned]: ['type:domain', 'ioredis'] },
  },
  // Layer violations between projects. When the target already imports the source (server imports domain today),
  // the rule reports the cycle before it looks at the tags; the tag check alone is proven further down.
  {
    project: 'domain',
    line: `import { ServerModule } from '@relais/server';`,
    expected: { [circular]: ['"domain" and "server"'], [tags]: ['type:domain'] },
  },
  // type:contract: no package at all, no other layer (no cycle today: domain does not import contracts yet).
  { project: 'contracts', line: `import { z } from 'zod';`, expected: { [banned]: ['type:contract', 'zod'] } },
  {
    project: 'contracts',
    line: `import { Journey } from '@relais/domain';`,
    expected: { [tags]: ['scope:shared'], [circular]: ['"contracts" and "domain"'] },
  },
  // scope:web: the API contract and UI code only.
  { project: 'web', line: `import { ServerModule } from '@relais/server';`, expected: { [tags]: ['scope:web'] } },
  { project: 'web', line: `import { Journey } from '@relais/domain';`, expected: { [tags]: ['scope:web'] } },
  { project: 'web', line: `import { Fixtures } from '@relais/server/testing';`, expected: { [tags]: ['scope:web'] } },
];

// The tag constraints alone, with the circular-dependency short-cut switched off: still an error.
const forbiddenByTags: ForbiddenCase[] = [
  {
    project: 'domain',
    line: `import { ServerModule } from '@relais/server';`,
    expected: { [tags]: ['type:domain', '"type:contract"'] },
  },
  { project: 'contracts', line: `import { Journey } from '@relais/domain';`, expected: { [tags]: ['scope:shared'] } },
  { project: 'web', line: `import { Journey } from '@relais/domain';`, expected: { [tags]: ['scope:web'] } },
];

const allowed: AllowedCase[] = [
  { project: 'domain', line: `import { Journey } from '@relais/contracts';` },
  { project: 'domain', line: `import { parse } from 'csv-parse';` },
  { project: 'web', line: `import { Journey } from '@relais/contracts';` },
  { project: 'api', line: `import { ServerModule } from '@relais/server';` },
  { project: 'api', line: `import { Fixtures } from '@relais/server/testing';` },
  { project: 'workers', line: `import { ServerModule } from '@relais/server';` },
  { project: 'server', line: `import { Journey } from '@relais/domain';` },
  { project: 'server', line: `import { Journey } from '@relais/contracts';` },
];

const caseId = (kind: string, c: { project: string; line: string }) => `${kind}|${c.project}|${c.line}`;
const probes: Probe[] = [
  ...forbidden.map((c) => probe(caseId('forbidden', c), c.project, c.line)),
  ...forbiddenByTags.map((c) => probe(caseId('tags', c), c.project, c.line, true)),
  ...allowed.map((c) => probe(caseId('allowed', c), c.project, c.line)),
];

let results: Map<string, LintMessage[]>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-boundary-probes-'));
  try {
    const probesFile = join(dir, 'probes.json');
    const resultsFile = join(dir, 'results.json');
    writeFileSync(probesFile, JSON.stringify(probes));
    await promisify(execFile)(process.execPath, [join(__dirname, 'lint-probes.mjs'), probesFile, resultsFile], {
      cwd: workspaceRoot,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
      timeout: 110_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const parsed: { id: string; messages: LintMessage[] }[] = JSON.parse(readFileSync(resultsFile, 'utf8'));
    results = new Map(parsed.map((r) => [r.id, r.messages]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

function boundaryErrors(id: string, line: number): LintMessage[] {
  const messages = results.get(id);
  if (!messages) throw new Error(`no lint result for ${id}`);
  // A file ESLint ignored or could not parse proves nothing.
  expect(messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
  return messages.filter((m) => m.ruleId === RULE && m.line === line);
}

function expectRuleWasActive(id: string): void {
  const canary = boundaryErrors(id, 2);
  expect(canary.map((m) => [m.severity, m.messageId])).toEqual([[2, 'noRelativeOrAbsoluteImportsAcrossLibraries']]);
}

function expectForbidden(id: string, c: ForbiddenCase): void {
  expectRuleWasActive(id);
  const errors = boundaryErrors(id, 1);
  expect(errors).toHaveLength(1);
  const [error] = errors;
  expect(error.severity).toBe(2);
  expect(Object.keys(c.expected)).toContain(error.messageId);
  for (const mention of c.expected[error.messageId ?? ''] ?? []) expect(error.message).toContain(mention);
}

describe('lint fails on a forbidden import (@nx/enforce-module-boundaries)', () => {
  it.each(forbidden)('$project: $line', (c) => expectForbidden(caseId('forbidden', c), c));
});

describe('the tag constraints alone reject the layer violations (circular check switched off)', () => {
  it.each(forbiddenByTags)('$project: $line', (c) => expectForbidden(caseId('tags', c), c));
});

describe('lint accepts an allowed import', () => {
  it.each(allowed)('$project: $line', (c) => {
    const id = caseId('allowed', c);
    expectRuleWasActive(id);
    expect(boundaryErrors(id, 1)).toEqual([]);
  });
});
