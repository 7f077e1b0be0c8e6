import { eventlogAdapter, listImportFormats } from '@relais/domain';

/** One line per registered format, name padded so the descriptions line up; read from the registry on each call. */
export function formatList(): string {
  const formats = listImportFormats();
  const width = Math.max(...formats.map(({ name }) => name.length));
  return formats
    .map(({ name, description }) => {
      const mapping = name === eventlogAdapter.name ? ' (needs --mapping)' : '';
      return `  ${name.padEnd(width)}  ${description}${mapping}`;
    })
    .join('\n');
}

/** Usage, with the formats the build knows. */
export function importUsage(): string {
  return [
    'usage: npm run import -- --format F --file PATH [--source S] [--timezone Z] [--mapping JSON] [--wait]',
    '       npm run import -- --formats',
    '',
    'formats:',
    formatList(),
    '',
    `--mapping names the columns for ${eventlogAdapter.name}: JSON with caseId, timestamp, step (required), team, agent,`,
    '  customer, channel, category, csat, csatScale, timestampFormat, e.g.',
    `  --mapping '{"caseId":"Case ID","timestamp":"Complete Timestamp","step":"Activity","team":"Resource"}'`,
  ].join('\n');
}

/**
 * `import --formats` / `--help`: the text to print, or null when the arguments ask for an import. Answered before
 * the configuration is read (main.ts), so listing formats needs neither PostgreSQL nor Redis.
 */
export function importInfo(argv: readonly string[]): string | null {
  if (argv.includes('--formats')) return formatList();
  if (argv.includes('--help') || argv.includes('-h')) return importUsage();
  return null;
}
