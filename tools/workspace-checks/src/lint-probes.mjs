// Lints virtual files (nothing is written into other projects) with the workspace's real ESLint setup, the way
// `nx lint <project>` does: ESLint run from the project's root, so it picks up that project's eslint.config.mjs.
//
// Runs as a plain Node process because Jest's module VM cannot `import()` an eslint.config.mjs
// ("A dynamic import callback was invoked without --experimental-vm-modules").
//
// Usage: node lint-probes.mjs <probes.json> <results.json>
//   probes:  [{ id, projectRoot, file, code, ignoreCircular? }]   (projectRoot and file relative to the workspace root)
//   results: [{ id, messages: [{ ruleId, messageId, message, line, severity, fatal }] }]
import { createProjectGraphAsync, workspaceRoot } from '@nx/devkit';
import { ESLint } from 'eslint';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RULE = '@nx/enforce-module-boundaries';
const [probesFile, resultsFile] = process.argv.slice(2);
const probes = JSON.parse(readFileSync(probesFile, 'utf8'));

// The rule only reads Nx's cached project graph and silently skips itself when there is none:
// compute the graph first so the cache exists and knows every project on disk.
await createProjectGraphAsync({ exitOnError: true });

const linters = new Map();
async function linterFor(projectRoot, ignoreCircular, file) {
  const key = `${projectRoot}|${ignoreCircular}`;
  if (!linters.has(key)) {
    const cwd = join(workspaceRoot, projectRoot);
    let eslint = new ESLint({ cwd });
    if (ignoreCircular) {
      // Same rule options as the real config, minus the circular-dependency short-cut, which the rule checks before
      // the tag constraints: shows that the tags alone would reject the import too.
      const config = await eslint.calculateConfigForFile(file);
      const [severity, options] = config.rules[RULE];
      eslint = new ESLint({
        cwd,
        overrideConfig: { rules: { [RULE]: [severity, { ...options, ignoredCircularDependencies: [['*', '*']] }] } },
      });
    }
    linters.set(key, eslint);
  }
  return linters.get(key);
}

const results = [];
for (const probe of probes) {
  const filePath = join(workspaceRoot, probe.file);
  const eslint = await linterFor(probe.projectRoot, !!probe.ignoreCircular, filePath);
  const [result] = await eslint.lintText(probe.code, { filePath, warnIgnored: true });
  results.push({
    id: probe.id,
    messages: result.messages.map(({ ruleId, messageId, message, line, severity, fatal }) => ({
      ruleId,
      messageId,
      message,
      line,
      severity,
      fatal: !!fatal,
    })),
  });
}
writeFileSync(resultsFile, JSON.stringify(results));
