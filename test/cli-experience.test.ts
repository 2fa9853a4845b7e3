import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, run } from './helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('completion', () => {
  it('prints scripts for bash, zsh and fish that ask devops-kb __complete on each TAB', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await run(['completion', shell]);
      expect(r.code, shell).toBe(0);
      expect(r.stdout, shell).toContain('devops-kb __complete');
    }
    expect((await run(['completion', 'tcsh'])).code).toBe(2);
  });

  it('completes through the bash script and the real binary: commands, tools, facet keys and values', async () => {
    const script = (await run(['completion', 'bash'])).stdout;
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    const bin = path.join(tmp, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'devops-kb'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'bin', 'devops-kb')}" "$@"\n`, { mode: 0o755 });
    const complete = (line: string) => {
      const probe = `${script}\nCOMP_LINE=${JSON.stringify(line)}; COMP_POINT=${line.length}; COMP_WORDS=(${line}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - ${line.endsWith(' ') ? 0 : 1} )); _devops_kb; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync('bash', ['-c', probe], { encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: tmp } }).stdout.split('\n').filter(Boolean);
    };
    expect(complete('devops-kb sh')).toEqual(['show']);
    expect(complete('devops-kb show kuber')).toContain('kubernetes');
    expect(complete('devops-kb choose service-mesh --need dataPl')).toEqual(['dataPlane=']);
    // bash splits words at "=", so the values come without the key.
    expect(complete('devops-kb choose service-mesh --need dataPlane=si')).toEqual(['sidecar', 'sidecar-or-ambient']);
  });

  it('answers __complete with descriptions, user notes included, and folder directives', async () => {
    const env = { DEVOPS_KB_PATH: path.join(FIXTURES, 'user'), XDG_CACHE_HOME: path.join(tmp, 'c') };
    const tools = (await run(['__complete', 'show', 'acme'], { env })).stdout;
    expect(tools).toMatch(/^acme-deployer\t.+\(ci-cd\)$/m);
    expect((await run(['__complete', 'lint', ''])).stdout).toBe(':files\n');
    expect((await run(['__complete', 'list', '--content', ''])).stdout).toBe(':dirs\n');
    expect((await run(['__complete', 'categories', 'serv'])).stdout).toMatch(/^service-mesh\tService mesh$/m);
    expect((await run(['__complete', 'list', '--where', 'stat'])).stdout).toMatch(/^status=\t/m);
  });
});

describe('authoring', () => {
  it('writes a skeleton that passes lint, and refuses to overwrite it', async () => {
    const dir = path.join(tmp, 'notes');
    const made = await run(['new', 'acme-proxy', '--category', 'proxies', '--dir', dir]);
    expect(made.code).toBe(0);
    const text = readFileSync(path.join(dir, 'tools', 'acme-proxy.md'), 'utf8');
    expect(text).toMatch(/category: proxies/);
    const lint = await run(['lint', dir]);
    expect(lint.stdout).toMatch(/0 error\(s\)/);
    expect(lint.code).toBe(0);
    expect((await run(['new', 'acme-proxy', '--category', 'proxies', '--dir', dir])).code).toBe(2);
  });

  it('needs a category, and an id in kebab case', async () => {
    expect((await run(['new', 'x-tool', '--dir', tmp])).code).toBe(2);
    expect((await run(['new', 'Bad Id', '--category', 'proxies', '--dir', tmp])).code).toBe(2);
    expect((await run(['new', 'x-tool', '--category', 'proxiez', '--dir', tmp])).code).toBe(1);
  });

  it('lints the shipped content clean', async () => {
    const r = await run(['lint', '--json']);
    const errors = JSON.parse(r.stdout).filter((p: { severity: string }) => p.severity === 'error');
    expect(errors).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000); // parses every shipped note: seconds on a busy machine
});

describe('open', () => {
  it('prints the URL when no browser can be opened', async () => {
    const r = await run(['open', 'terraform']);
    expect(r.stdout.trim()).toMatch(/^https:\/\//);
    let opened = '';
    const tty = await run(['open', 'terraform'], { tty: true, io: { openUrl: (u) => ((opened = u), true) } });
    expect(tty.stdout).toMatch(/^opened https:/);
    expect(opened).toMatch(/^https:/);
  });
});

describe('categories and list at a terminal', () => {
  it('shows one line per category: id, name, counts (primary+also) and summary', async () => {
    const r = await run(['categories']);
    const cats = JSON.parse((await run(['categories', '--json'])).stdout) as { id: string; count: number; secondary: number }[];
    const lines = r.stdout.trimEnd().split('\n');
    // One line each, then a blank line and the footer.
    expect(lines).toHaveLength(cats.length + 2);
    const orchestration = cats.find((c) => c.id === 'orchestration')!;
    expect(r.stdout).toMatch(new RegExp(`^orchestration +Orchestration \\(${orchestration.count}${orchestration.secondary ? `\\+${orchestration.secondary}` : ''}\\) — `, 'm'));
    expect(r.stdout).not.toMatch(/facets: /);
  });

  it('counts a tool in every category it belongs to, the same way everywhere', async () => {
    const cats = JSON.parse((await run(['categories', '--json'])).stdout) as { id: string; count: number; secondary: number }[];
    for (const c of cats) {
      const listed = (await run(['list', '--category', c.id, '--json'])).stdout;
      expect(JSON.parse(listed).length, c.id).toBe(c.count + c.secondary);
    }
    const mesh = JSON.parse((await run(['categories', 'service-mesh', '--json'])).stdout);
    const chosen = JSON.parse((await run(['choose', 'service-mesh', '--need', 'mtls=on-by-default', '--json'])).stdout);
    expect(chosen.map((c: { id: string }) => c.id).sort()).toEqual([...mesh.tools, ...mesh.also].sort());
  });

  it('shows one category with its facets, tools and guide', async () => {
    const r = await run(['categories', 'service-discovery']);
    expect(r.stdout).toMatch(/Facets compared/);
    // Each facet with its key and values, so --where and --need can be written from it.
    expect(r.stdout).toMatch(/\(discoveryModel\): /);
    expect(r.stdout).toMatch(/How to choose/);
    const data = JSON.parse((await run(['categories', 'service-discovery', '--json'])).stdout);
    expect(data.tools).toContain('consul');
    expect(data.sections.map((x: { title: string }) => x.title)).toContain('How to choose');
    expect((await run(['categories', 'servise-discovery'])).code).toBe(1);
  });

  it('filters list by tag', async () => {
    const r = await run(['list', '--tag', 'gitops']);
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n');
    expect(ids).toContain('argo-cd');
    expect(ids).toContain('flux');
    expect(ids).not.toContain('ansible');
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
  });
});
