// "nx graph shows api, workers, web and the libs": runs the real `nx graph --file=…` (what a developer would run) and
// checks the projects, their tags, and the dependency edges that the layer rules are about.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const workspaceRoot = resolve(__dirname, '../../..');

interface GraphNode {
  name: string;
  type: string;
  data: { root: string; tags?: string[] };
}
interface GraphEdge {
  source: string;
  target: string;
  type: string;
}
interface GraphFile {
  graph: { nodes: Record<string, GraphNode>; dependencies: Record<string, GraphEdge[]> };
}

let graph: GraphFile['graph'];

/** The `nx` executable that `npx nx` runs, found the same way: through the bin entry of the installed package. */
function nxBin(): string {
  const manifest = require.resolve('nx/package.json', { paths: [workspaceRoot] });
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin['nx']);
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-graph-'));
  try {
    const file = join(dir, 'graph.json');
    await promisify(execFile)(process.execPath, [nxBin(), 'graph', `--file=${file}`], {
      cwd: workspaceRoot,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
      timeout: 110_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    graph = (JSON.parse(readFileSync(file, 'utf8')) as GraphFile).graph;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

/** The workspace projects `name` depends on directly (npm packages left out). */
const dependenciesOf = (name: string): string[] =>
  (graph.dependencies[name] ?? [])
    .map((d) => d.target)
    .filter((target) => target in graph.nodes)
    .sort();

/** Every project `name` depends on, directly or through other projects. */
function reachableFrom(name: string): Set<string> {
  const seen = new Set<string>();
  const todo = [name];
  for (let current = todo.pop(); current !== undefined; current = todo.pop()) {
    for (const target of dependenciesOf(current)) {
      if (!seen.has(target)) {
        seen.add(target);
        todo.push(target);
      }
    }
  }
  return seen;
}

describe('nx graph', () => {
  it.each([
    { name: 'api', type: 'app', root: 'api', tags: ['scope:api', 'type:app'] },
    { name: 'workers', type: 'app', root: 'workers', tags: ['scope:workers', 'type:app'] },
    { name: 'web', type: 'app', root: 'web', tags: ['scope:web', 'type:app'] },
    { name: 'e2e', type: 'e2e', root: 'e2e', tags: ['scope:e2e', 'type:e2e'] },
    { name: 'contracts', type: 'lib', root: 'libs/contracts', tags: ['scope:shared', 'type:contract'] },
    { name: 'domain', type: 'lib', root: 'libs/domain', tags: ['scope:server', 'type:domain'] },
    { name: 'server', type: 'lib', root: 'libs/server', tags: ['scope:server', 'type:data'] },
  ])('shows $name ($type at $root) tagged $tags', ({ name, type, root, tags }) => {
    const node = graph.nodes[name];
    expect(node).toBeDefined();
    expect({ type: node.type, root: node.data.root, tags: [...(node.data.tags ?? [])].sort() }).toEqual({
      type,
      root,
      tags,
    });
  });

  it.each([
    ['api', 'server'],
    ['workers', 'server'],
    ['web', 'contracts'],
    ['server', 'domain'],
  ])('%s depends on %s', (source, target) => {
    expect(dependenciesOf(source)).toContain(target);
  });

  it.each([
    ['web', 'server'],
    ['web', 'domain'],
  ])('%s does not depend on %s, not even through another project', (source, target) => {
    expect(dependenciesOf(source)).not.toContain(target);
    expect([...reachableFrom(source)]).not.toContain(target);
  });

  it('contracts, the bottom layer, depends on no other project', () => {
    expect(dependenciesOf('contracts')).toEqual([]);
  });

  it('domain depends on no project but contracts', () => {
    expect(dependenciesOf('domain').filter((d) => d !== 'contracts')).toEqual([]);
  });
});
