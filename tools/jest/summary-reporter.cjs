// Writes each Jest run's counts where tools/test.mjs can add them up into one summary line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = (globalConfig.projects && globalConfig.projects[0]) || globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.RELAIS_TEST_RESULTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${this.name.replace(/[^A-Za-z0-9]+/g, '_')}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        project: this.name,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
