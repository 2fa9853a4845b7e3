import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'devops-kb');
const exec = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', ...env } });

describe('the installed binary, as a user runs it', () => {
  it('shows ansible with clean, escape-free output in a pipe', () => {
    const r = exec(['show', 'ansible']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Ansible — /);
    expect(r.stdout).not.toContain('\x1b');
  });

  it('writes to a character device that is no terminal (/dev/null) like a file, without the pager or colors', () => {
    const devnull = openSync('/dev/null', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'show', 'ansible'], { encoding: 'utf8', stdio: ['ignore', devnull, 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', PAGER: 'false' } });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
    } finally {
      closeSync(devnull);
    }
  });

  it('forces color with FORCE_COLOR and --color always, and NO_COLOR wins over auto', () => {
    expect(exec(['show', 'ansible'], { FORCE_COLOR: '1' }).stdout).toContain('\x1b[');
    expect(exec(['show', 'ansible', '--color', 'always']).stdout).toContain('\x1b[');
    expect(exec(['show', 'ansible', '--color', 'always'], { NO_COLOR: '1' }).stdout).toContain('\x1b[');
    expect(exec(['show', 'ansible'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain('\x1b');
  });

  it('exits with the contract codes', () => {
    expect(exec(['show', 'kubernets']).status).toBe(1);
    expect(exec(['show', '--bogus']).status).toBe(2);
    expect(exec(['bogus']).status).toBe(2);
    expect(exec(['--version']).stdout.trim()).toMatch(/^devops-kb \d+\.\d+\.\d+ \(catalog: \d{3} tools, \d+ categories, built \d{4}-\d\d-\d\d\)$/);
    expect(JSON.parse(exec(['--version', '--json']).stdout)).toMatchObject({ tools: expect.any(Number), categories: expect.any(Number) });
  });

  it('runs without the code cache, and with a damaged one', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'devops-kb-launcher-'));
    try {
      cpSync(path.join(ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
      cpSync(path.join(ROOT, 'dist'), path.join(root, 'dist'), { recursive: true });
      const launch = () => spawnSync(process.execPath, [path.join(root, 'bin', 'devops-kb'), 'show', 'k8s'], { encoding: 'utf8' });
      rmSync(path.join(root, 'dist', 'main.cache'));
      expect(launch().stdout).toMatch(/^Kubernetes — /);
      writeFileSync(path.join(root, 'dist', 'main.cache'), Buffer.from('not a code cache'));
      const damaged = launch();
      expect(damaged.status).toBe(0);
      expect(damaged.stdout).toMatch(/^Kubernetes — /);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" list | head -n 1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('the fast path (show, search, compare without commander) against the full program', () => {
  // The binary takes cli/fast.ts for these; runProgram (what in-process tests call) never does. Same args,
  // same bytes out and the same exit code.
  const cases = [
    ['show', 'k8s', '--json'],
    ['show', 'ansible'],
    ['search', 'service', 'discovery', '--json'],
    ['search', 'local', 'kubernetes', 'cluster', '--json'],
    ['search', 'local', 'kubernetes', 'cluster'],
    ['search', 'zzqxv', 'wplk', '--json'],
    ['compare', 'chef', 'puppet', '--json'],
    ['compare', 'chef', 'puppet', '--diff', '--json'],
    ['compare', 'chef', 'puppet', '-d'],
    ['compare', 'consul', 'etcd', 'zookeeper'],
    ['show', 'kubernets'],
  ];
  for (const args of cases) {
    it(args.join(' '), async () => {
      const bin = exec(args, { COLUMNS: '100' });
      const inProcess = await run(args, { env: { COLUMNS: '100' } });
      expect(bin.stdout).toBe(inProcess.stdout);
      expect(bin.status).toBe(inProcess.code);
      expect(bin.stderr).toBe(inProcess.stderr);
    });
  }

  it('answers multi-word searches with every word, and --diff with differing rows only', () => {
    const local = JSON.parse(exec(['search', 'local', 'kubernetes', 'cluster', '--json']).stdout) as { id: string }[];
    expect(local.slice(0, 3).map((h) => h.id)).toContain('minikube');
    const diff = JSON.parse(exec(['compare', 'chef', 'puppet', '--diff', '--json']).stdout) as { rows: { same: boolean }[] };
    const all = JSON.parse(exec(['compare', 'chef', 'puppet', '--json']).stdout) as { rows: { same: boolean }[] };
    expect(diff.rows.every((r) => !r.same)).toBe(true);
    expect(diff.rows.length).toBeLessThan(all.rows.length);
  });
});

describe('at a terminal (through a pseudo-terminal)', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  // On CI these tests must run: a missing `script` (util-linux) fails them instead of skipping them.
  const ttyTests = hasScript || Boolean(process.env.CI);
  const tty = (cmd: string, env: Record<string, string> = {}) =>
    spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', TERM: 'xterm', COLUMNS: '80', LINES: '24', ...env } });
  const cli = `"${process.execPath}" "${BIN}"`;

  it.runIf(ttyTests)('uses color, and NO_COLOR turns it off', () => {
    expect(tty(`${cli} show ansible --no-pager`).stdout).toContain('\x1b[');
    expect(tty(`${cli} show ansible --no-pager`, { NO_COLOR: '1' }).stdout).not.toContain('\x1b[');
  });

  it.runIf(ttyTests)('pages long output through $PAGER, unless --no-pager', () => {
    const paged = tty(`${cli} show ansible --color never`, { PAGER: 'sed s/^/PAGED:/' });
    expect(paged.stdout).toMatch(/PAGED:Ansible/);
    expect(tty(`${cli} show ansible --color never --no-pager`, { PAGER: 'sed s/^/PAGED:/' }).stdout).not.toMatch(/PAGED:/);
  });

  it.runIf(ttyTests)('falls back to plain output when the pager cannot start', () => {
    const r = tty(`${cli} show ansible --color never`, { PAGER: 'definitely-not-a-pager-xyz' });
    expect(r.stdout).toMatch(/Ansible — /);
  });

  it.runIf(ttyTests)('groups list output by category at a terminal', () => {
    const r = tty(`${cli} list --category monitoring --no-pager --color never`);
    expect(r.stdout).toMatch(/Monitoring \(\d+\)/);
  });
});

describe('search precision through the binary', () => {
  it('finds nothing for nonsense: exit 0, [] as JSON, a hint on stderr and nothing on stdout', () => {
    const json = exec(['search', 'zzqxv', 'wplk', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
    const text = exec(['search', 'zzqxv', 'wplk']);
    expect(text.status).toBe(0);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/no tool matches 'zzqxv wplk'/);
  });

  it('ranks a tool first when its name comes with noise or stop words', () => {
    for (const q of [['kubernetes', 'xyz'], ['kubernetes', 'the'], ['k8s', 'qqqq']]) {
      expect(JSON.parse(exec(['search', ...q, '--json']).stdout)[0].id, q.join(' ')).toBe('kubernetes');
    }
  });

  it('says how many matched when the list is cut, and marks weak hits in JSON and text alike', () => {
    const text = exec(['search', 'sidecar', 'proxy', '--limit', '10']).stdout;
    const hits = JSON.parse(exec(['search', 'sidecar', 'proxy', '--json', '--limit', '10']).stdout) as { id: string; score: number; weak: boolean }[];
    expect(hits.slice(0, 3).every((h) => !h.weak)).toBe(true);
    const firstWeak = hits.findIndex((h) => h.weak);
    expect(firstWeak).toBeGreaterThan(0);
    // The text lists the same ids in the same order, with the separator before the first weak one.
    const order = [...text.matchAll(/^([a-z0-9-]+)(?:  .*)? · /gm)].map((m) => m[1]);
    expect(order).toEqual(hits.map((h) => h.id));
    const sep = text.indexOf('── weaker matches');
    expect(sep).toBeGreaterThan(text.indexOf(`\n${hits[firstWeak - 1]!.id} `));
    expect(sep).toBeLessThan(text.indexOf(`\n${hits[firstWeak]!.id} `));
    const cut = exec(['search', 'kubernetes', 'cluster', '--limit', '2']).stdout;
    expect(cut).toMatch(/showing 2 of (\d+); --limit \1 shows all\n$/);
  });
});
