/**
 * The new-user review's defects and missing features (../shared/reviews/cli-review-2026-12.md), each run as
 * a user would: the built binary through a pipe, and through a pseudo-terminal (`script`) where a terminal
 * matters (the interactive `choose`, the pager under Ctrl-C, colour).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'devops-kb');
const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-review-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const baseEnv = { PATH: process.env.PATH ?? '', HOME: path.join(tmp, 'home'), XDG_CACHE_HOME: path.join(tmp, 'cache'), XDG_CONFIG_HOME: path.join(tmp, 'config') };

/** The binary through a pipe. */
function pipe(args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...baseEnv, ...env }, input });
}

/**
 * The binary in a pseudo-terminal of 100 columns, with `input` typed in: `raw` is what the terminal got,
 * `out` the same without escape sequences.
 */
function tty(command: string, env: Record<string, string> = {}, input = '') {
  const r = spawnSync('script', ['-qfec', `stty cols 100 rows 40; ${command}; echo "[exit=$?]"`, '/dev/null'], { encoding: 'utf8', env: { ...baseEnv, TERM: 'xterm', ...env }, input, timeout: 20_000 });
  const out = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>]/g, '');
  return { raw: r.stdout, out, code: Number(/\[exit=(\d+)\]/.exec(out)?.[1] ?? -1) };
}
const kb = `"${process.execPath}" "${BIN}"`;

describe('interactive choose at a terminal (D1, D12)', () => {
  it('asks every question, re-asks after a wrong answer, then ranks with each tool’s values', () => {
    // A wrong answer, its correction, a skip, then the end of input.
    const r = tty(`${kb} choose service-mesh --no-pager`, {}, 'sidecarr\nper-node\n\n');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/'sidecarr' is not one of the answers; did you mean sidecar/);
    expect(r.out).toMatch(/\(proxy: envoy \/ linkerd2-proxy/);
    expect(r.out).toMatch(/meets +Data plane topology: per-node/);
    expect(r.out).toMatch(/misses +Data plane topology: sidecar/);
  });
});

describe('the pager (D2)', () => {
  it('leaves Ctrl-C to the pager: the CLI survives a SIGINT while paging and exits 0', () => {
    // The pager sends SIGINT to devops-kb (its parent) as Ctrl-C would, then reads its input.
    const r = tty(`${kb} show kubernetes`, { DEVOPS_KB_PAGER: 'kill -INT $PPID; sleep 0.2; cat > /dev/null' });
    expect(r.code).toBe(0);
  });

  it('uses DEVOPS_KB_PAGER over the config pager over PAGER, and --no-pager turns paging off', () => {
    mkdirSync(path.join(tmp, 'config', 'devops-kb'), { recursive: true });
    writeFileSync(path.join(tmp, 'config', 'devops-kb', 'config.toml'), 'pager = "sed s/^/CONFIG:/"\n');
    try {
      expect(tty(`${kb} show kubernetes`, { PAGER: 'sed s/^/PAGER:/' }).out).toMatch(/CONFIG:Kubernetes/);
      expect(tty(`${kb} show kubernetes`, { PAGER: 'sed s/^/PAGER:/', DEVOPS_KB_PAGER: 'sed s/^/OWN:/' }).out).toMatch(/OWN:Kubernetes/);
      expect(tty(`${kb} show kubernetes --no-pager`, { DEVOPS_KB_PAGER: 'sed s/^/OWN:/' }).out).not.toMatch(/OWN:/);
    } finally {
      rmSync(path.join(tmp, 'config'), { recursive: true, force: true });
    }
  });
});

describe('colour conventions (D21)', () => {
  it('colours a terminal, but not with --no-color, NO_COLOR or TERM=dumb', () => {
    const colour = /\x1b\[[0-9;]*m/;
    expect(tty(`${kb} show ansible --brief --no-pager`).raw).toMatch(colour);
    expect(tty(`${kb} show ansible --brief --no-pager --no-color`).raw).not.toMatch(colour);
    expect(tty(`${kb} show ansible --brief --no-pager`, { NO_COLOR: '1' }).raw).not.toMatch(colour);
    expect(tty(`${kb} show ansible --brief --no-pager`, { TERM: 'dumb' }).raw).not.toMatch(colour);
  });

  it('turns homepage and source URLs into OSC 8 links at a terminal, never in a pipe', () => {
    expect(tty(`${kb} show ansible --no-pager`).raw).toContain('\x1b]8;;https://www.ansible.com/');
    expect(pipe(['show', 'ansible']).stdout).not.toContain('\x1b]8;;');
  });
});

describe('config file (M2)', () => {
  it('sets colour, search limit and content folders, below flags and environment', () => {
    const notes = path.join(tmp, 'cfg-notes');
    mkdirSync(path.join(notes, 'tools'), { recursive: true });
    writeFileSync(path.join(notes, 'tools', 'zeta-deployer.md'), '---\nid: zeta-deployer\nname: Zeta Deployer\ncategory: ci-cd\nsummary: Our deployer.\n---\n\n## Overview\nShips things.\n');
    const dir = path.join(tmp, 'config', 'devops-kb');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'config.yaml'), `# team defaults\nlimit: 2\ncontent:\n  - ${notes}\n`);
    try {
      expect(JSON.parse(pipe(['search', 'container', 'orchestration', '--json']).stdout)).toHaveLength(2);
      expect(JSON.parse(pipe(['search', 'container', 'orchestration', '--json', '--limit', '3']).stdout)).toHaveLength(3);
      expect(pipe(['show', 'zeta-deployer']).stdout).toMatch(/^Zeta Deployer/);
      // DEVOPS_KB_PATH (even empty) wins over the config's folders.
      expect(pipe(['show', 'zeta-deployer'], { DEVOPS_KB_PATH: '' }).status).toBe(1);
      const paths = JSON.parse(pipe(['paths', '--json']).stdout);
      expect(paths.config.file).toBe(path.join(dir, 'config.yaml'));
      expect(paths.contentDirs).toEqual([{ dir: notes, from: 'config', exists: true, notes: 1 }]);
      writeFileSync(path.join(dir, 'config.yaml'), 'colour: never\n');
      const bad = pipe(['show', 'k8s']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/config\.yaml:1: unknown key 'colour'/);
    } finally {
      rmSync(path.join(tmp, 'config'), { recursive: true, force: true });
    }
  });
});

describe('authoring: edit, new over a built-in, paths (M3, M4, D5)', () => {
  const notes = path.join(tmp, 'team');
  const env = { DEVOPS_KB_PATH: notes, EDITOR: `sh -c 'echo "# edited" >> "$0"'` };

  it('edit copies the built-in note into the first folder, runs the editor, and the copy then overrides', () => {
    mkdirSync(notes, { recursive: true });
    const r = tty(`${kb} edit vault`, env);
    expect(r.code).toBe(0);
    const file = path.join(notes, 'tools', 'vault.md');
    expect(readFileSync(file, 'utf8')).toMatch(/^---\nid: vault\n[\s\S]*# edited\n$/);
    const paths = JSON.parse(pipe(['paths', '--json'], env).stdout);
    expect(paths.overrides).toEqual([{ id: 'vault', file }]);
    expect(pipe(['lint', notes], env).stderr + pipe(['lint', notes], env).stdout).toMatch(/replaces the built-in note/);
  });

  it('new refuses a built-in id or alias without --force', () => {
    const taken = pipe(['new', 'kubernetes', '--category', 'orchestration'], env);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toMatch(/is a built-in note[\s\S]*devops-kb edit kubernetes/);
    expect(pipe(['new', 'k8s', '--category', 'orchestration'], env).stderr).toMatch(/'k8s' is a name of the built-in 'kubernetes'/);
    expect(pipe(['new', 'k8s', '--category', 'orchestration', '--force'], env).status).toBe(0);
    const lint = pipe(['lint', path.join(notes, 'tools', 'k8s.md')], env);
    expect(lint.stdout).toMatch(/k8s\.md:\d+:\d+: warning: `k8s` is an alias of the built-in `kubernetes`/);
    expect(lint.stdout).toMatch(/warning: still holds the skeleton text/);
  });
});

describe('lint arguments (D16)', () => {
  it('takes note files and tools/ folders, and fails when there is nothing to check', () => {
    const notes = path.join(tmp, 'lintme');
    mkdirSync(path.join(notes, 'tools'), { recursive: true });
    const file = path.join(notes, 'tools', 'acme.md');
    writeFileSync(file, '---\nid: acme\nname: Acme\ncategory: ci-cd\nsummary: x\nfacets:\n  buildOs: [unix (aix, solaris)]\n---\n');
    const one = pipe(['lint', file]);
    expect(one.status).toBe(3);
    expect(one.stdout).toMatch(/acme\.md:7:3: error: facet `buildOs` has an item with an unbalanced bracket/);
    expect(pipe(['lint', path.join(notes, 'tools')]).status).toBe(3);
    const loose = path.join(tmp, 'loose');
    mkdirSync(loose, { recursive: true });
    writeFileSync(path.join(loose, 'x.md'), '---\nid: x\n---\n');
    const r = pipe(['lint', loose]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/notes go in .*loose\/tools\//);
  });
});

describe('an unusable cache folder (D15)', () => {
  it('warns, names the variable, and still shows user notes without a cache', () => {
    const notes = path.join(tmp, 'cacheless');
    mkdirSync(path.join(notes, 'tools'), { recursive: true });
    writeFileSync(path.join(notes, 'tools', 'omega-tool.md'), '---\nid: omega-tool\nname: Omega Tool\ncategory: ci-cd\nsummary: Ours.\n---\n');
    const r = pipe(['show', 'omega-tool'], { DEVOPS_KB_PATH: notes, XDG_CACHE_HOME: '/etc/passwd' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Omega Tool/);
    expect(r.stderr).toMatch(/cannot use the cache at \/etc\/passwd\/devops-kb \(ENOTDIR; check XDG_CACHE_HOME\)/);
  });
});

describe('help, version, man page (M5, M11, D20)', () => {
  it('has help topics, subcommand help with global options, and refuses an unknown topic', () => {
    for (const topic of ['environment', 'exit-codes', 'note-format', 'formats']) expect(pipe(['help', topic]).status, topic).toBe(0);
    expect(pipe(['help', 'environment']).stdout).toMatch(/DEVOPS_KB_PAGER/);
    expect(pipe(['help', 'show']).stdout).toMatch(/Global Options:[\s\S]*--no-color/);
    expect(pipe(['help', 'bogus']).status).toBe(2);
  });

  it('ships a man page generated from the program', () => {
    const man = path.join(ROOT, 'dist', 'devops-kb.1');
    expect(existsSync(man)).toBe(true);
    const text = readFileSync(man, 'utf8');
    expect(text).toMatch(/^\.TH DEVOPS-KB 1/);
    expect(text).toMatch(/\.B paths/);
    expect(text).toMatch(/\.SH EXIT CODES/);
  });
});

describe('discoverability and scripting (M6, M8, M9, M14, D22)', () => {
  it('lists aliases and tags, and list --long and --format tsv', () => {
    expect(pipe(['aliases']).stdout).toMatch(/^k8s\tkubernetes$/m);
    expect(pipe(['tags']).stdout).toMatch(/^ +\d+ {2}gitops$/m);
    const tsv = pipe(['list', '--category', 'gitops', '--format', 'tsv']).stdout.trim().split('\n');
    expect(tsv.every((l) => l.split('\t').length === 4)).toBe(true);
    expect(tsv.map((l) => l.split('\t')[0])).toContain('flux');
    expect(pipe(['list', '--category', 'gitops', '--long']).stdout).toMatch(/^flux +gitops +CNCF/m);
  });

  it('show: several words as one name, --brief, --section, --raw', () => {
    expect(pipe(['show', 'docker', 'compose']).stdout).toMatch(/^Docker Compose — /);
    const brief = pipe(['show', 'vault', '--brief']).stdout;
    expect(brief).toMatch(/Key facts/);
    expect(brief).not.toMatch(/## |Strengths/);
    expect(pipe(['show', 'vault', '--section', 'weaknesses']).stdout).toMatch(/^HashiCorp Vault — Weaknesses\n {2}• /);
    const missing = pipe(['show', 'vault', '--section', 'weakneses']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Did you mean: Weaknesses/);
    expect(pipe(['show', 'vault', '--raw']).stdout).toBe(readFileSync(path.join(ROOT, 'content', 'tools', 'vault.md'), 'utf8'));
  });

  it('echoes user input sanitized and short, treats empty names as usage errors, and keeps suggestions close', () => {
    const r = pipe(['show', 'kube\x1b[31mrnetes']);
    expect(r.stderr).not.toContain('\x1b');
    expect(pipe(['show', 'x'.repeat(5000)]).stderr.length).toBeLessThan(300);
    expect(pipe(['show', '']).status).toBe(2);
    expect(pipe(['show', 's3']).stderr).not.toMatch(/Did you mean/);
    expect(pipe(['show', 'aws']).stderr).toMatch(/Did you mean: aws-/);
    expect(pipe(['show', '--jsn', 'k8s']).stderr).toMatch(/^devops-kb: unknown option '--jsn'/);
  });
});

describe('compare across categories (D8)', () => {
  it('uses the category most tools share, names the odd one out, and explains complementary tools', () => {
    const c = JSON.parse(pipe(['compare', 'ansible', 'chef', 'puppet', 'saltstack', 'terraform', '--json']).stdout);
    expect(c.categories).toEqual(['configuration-management']);
    expect(c.outliers).toEqual(['terraform']);
    expect(c.rows.filter((r: { kind: string }) => r.kind === 'facet').length).toBeGreaterThanOrEqual(8);
    const text = pipe(['compare', 'ansible', 'chef', 'puppet', 'saltstack', 'terraform']).stdout;
    expect(text).toMatch(/Terraform is not in Configuration management/);
    expect(pipe(['compare', 'docker', 'kubernetes']).stdout).toMatch(/Docker and Kubernetes (integrate|work together)[\s\S]*devops-kb\s+compare\s+kubernetes/);
  });
});

describe('small things a new user trips over (D16, D21, D22, D23, D24)', () => {
  it('points at a note put at the top of a content folder instead of tools/', () => {
    const notes = path.join(tmp, 'toplevel');
    mkdirSync(path.join(notes, 'tools'), { recursive: true });
    writeFileSync(path.join(notes, 'foo-x.md'), '---\nid: foo-x\nname: Foo\ncategory: ci-cd\nsummary: x\n---\n');
    const r = pipe(['show', 'foo-x'], { DEVOPS_KB_PATH: notes });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`hint: found ${path.join(notes, 'foo-x.md')}; notes go in ${path.join(notes, 'tools')}/`);
  });

  it('fits piped output to the terminal that shows it', () => {
    const r = tty(`${kb} compare chef puppet | cat`, { COLUMNS: '' }).out.replace(/\r/g, '');
    const widest = Math.max(...r.split('\n').filter((l) => !l.startsWith('[exit')).map((l) => l.length));
    expect(widest).toBeLessThanOrEqual(100);
    expect(widest).toBeGreaterThan(80);
  });

  it('refuses an empty search, gives show --json an absolute path, and aligns stacked rows', () => {
    expect(pipe(['search', '']).status).toBe(2);
    expect(JSON.parse(pipe(['show', 'k8s', '--json']).stdout).path).toBe(path.join(ROOT, 'content', 'tools', 'kubernetes.md'));
    const stacked = pipe(['compare', 'consul', 'etcd', 'zookeeper'], { COLUMNS: '40' }).stdout;
    expect(stacked).toMatch(/^ {2}\S/m);
    expect(stacked).toMatch(/^≠ \S/m);
  });
});

describe('JSON shapes keep their keys (D23)', () => {
  it('lint, categories and completion print the same keys every time', () => {
    const notes = path.join(tmp, 'jsonlint');
    mkdirSync(path.join(notes, 'tools'), { recursive: true });
    writeFileSync(path.join(notes, 'tools', 'j1.md'), '---\nid: j1\nname: J1\ncategory: ci-cd\nsummary: x\nfacets:\n  scope: nope\n---\n');
    const problems = JSON.parse(pipe(['lint', notes, '--json']).stdout) as Record<string, unknown>[];
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(Object.keys(p).sort()).toEqual(['column', 'file', 'hint', 'line', 'message', 'severity']);
    const cats = JSON.parse(pipe(['categories', '--json']).stdout) as { facets: Record<string, unknown>[] }[];
    for (const f of cats.flatMap((c) => c.facets)) expect(Object.keys(f).sort()).toEqual(['key', 'label', 'question', 'type', 'values']);
    expect(JSON.parse(pipe(['completion', 'fish', '--json']).stdout)).toMatchObject({ shell: 'fish', script: expect.stringContaining('__complete') });
  });
});

describe('search beyond ASCII (D24)', () => {
  it('folds accents and finds CJK names and words as written', () => {
    const notes = path.join(tmp, 'cjk');
    mkdirSync(path.join(notes, 'tools'), { recursive: true });
    writeFileSync(path.join(notes, 'tools', 'kanshi.md'), '---\nid: kanshi\nname: 監視ツール\ncategory: monitoring\nsummary: 日本語 の ツール for Überwachung.\n---\n\n## Overview\nText.\n');
    const first = (q: string) => JSON.parse(pipe(['search', q, '--json'], { DEVOPS_KB_PATH: notes }).stdout)[0]?.id;
    expect(first('監視ツール')).toBe('kanshi');
    expect(first('日本語')).toBe('kanshi');
    expect(first('uberwachung')).toBe('kanshi');
  });
});
