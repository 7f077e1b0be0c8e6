// Writes each Jest run's counts where tools/test.mjs can add them up into one summary line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = (globalConfig.projects && globalConfig.projects[0]) || globalConfig.rootDir;
  }

  onRunComplete(contexts, results) {
    const dir = process.env.RELAIS_TEST_RESULTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    // Named after the project's displayName: several Jest configs share one rootDir (e2e, e2e-web, e2e-faults)
    // and, named after it, each run's file would overwrite the previous one's.
    const displayName = [...(contexts || [])].map((c) => c.config && c.config.displayName).find(Boolean);
    const name = (displayName && (displayName.name || displayName)) || this.name;
    const file = join(dir, `${String(name).replace(/[^A-Za-z0-9]+/g, '_')}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        project: String(name),
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
