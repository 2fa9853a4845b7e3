/**
 * Rendering details a reader notices: code spans keep their punctuation, URLs are never broken and
 * become hyperlinks only at a terminal, long relation lists are capped with a count, and the graph tree
 * groups by relation with proper glyphs.
 */
import { describe, expect, it } from 'vitest';
import { splitSections } from '../../src/catalog/sections.js';
import type { Graph } from '../../src/catalog/relations.js';
import { graphDot, graphText } from '../../src/render/graph.js';
import { capList } from '../../src/render/layout.js';
import { renderBlocks } from '../../src/render/layout.js';
import { colorThemeFrom, plainTheme } from '../../src/render/theme.js';
import { wrap } from '../../src/render/width.js';
import { Chalk } from 'chalk';

const color = colorThemeFrom(new Chalk({ level: 1 }));

describe('inline code and URLs', () => {
  it('keeps punctuation on a code span in list items and paragraphs', () => {
    const [section] = splitSections('## Strengths\n\n- rolling restarts with `serial`, draining a node\n\nUse `--check`.\n');
    const list = section!.blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items[0]).toBe('rolling restarts with `serial`, draining a node');
    const lines = renderBlocks(section!.blocks, { width: 30, theme: plainTheme }).join('\n');
    expect(lines).toContain('`serial`, draining');
    expect(lines).not.toMatch(/`\s+[,.]/);
  });

  it('never breaks a URL, giving it a line of its own when it does not fit', () => {
    const url = 'https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_checkmode.html';
    const lines = wrap(`see ${url} for details`, 40);
    expect(lines).toEqual(['see', url, 'for details']);
    // Other long words still break to fit.
    expect(wrap('a-very-long-hyphenated-identifier-without-spaces', 20).every((l) => l.length <= 20)).toBe(true);
  });

  it('turns URLs into OSC 8 hyperlinks only with colour (a terminal)', () => {
    expect(plainTheme.link('https://example.org')).toBe('https://example.org');
    expect(color.link('https://example.org')).toBe('\x1b]8;;https://example.org\x1b\\https://example.org\x1b]8;;\x1b\\');
  });
});

describe('relation lists', () => {
  it('caps long lists and says how many more there are', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(capList(ids.slice(0, 12))).toBe(ids.slice(0, 12).join(', '));
    expect(capList(ids, 12, 'devops-kb related x')).toBe(`${ids.slice(0, 12).join(', ')} … +8 more (devops-kb related x)`);
  });
});

describe('graph', () => {
  const g: Graph = {
    root: 'etcd',
    nodes: [
      { id: 'etcd', name: 'etcd', category: 'sd', depth: 0 },
      { id: 'consul', name: 'Consul', category: 'sd', depth: 1 },
      { id: 'zookeeper', name: 'Apache ZooKeeper', category: 'sd', depth: 1 },
      { id: 'kubernetes', name: 'Kubernetes', category: 'o', depth: 1 },
      { id: 'nomad', name: 'Nomad', category: 'o', depth: 2 },
      { id: 'vault', name: 'Vault "HC"\\', category: 's', depth: 2 },
    ],
    edges: [
      { from: 'etcd', to: 'consul', kind: 'alternative' },
      { from: 'zookeeper', to: 'etcd', kind: 'alternative' },
      { from: 'kubernetes', to: 'etcd', kind: 'uses' },
      { from: 'consul', to: 'nomad', kind: 'integrates' },
      { from: 'consul', to: 'vault', kind: 'integrates' },
      { from: 'kubernetes', to: 'nomad', kind: 'alternative' },
    ],
  };

  it('groups depth one by relation, hangs depth two under its first parent, draws real tree glyphs, names only when they differ from the id', () => {
    expect(graphText(g, { width: 80, theme: plainTheme })).toBe(
      [
        'etcd',
        '├─ alternatives (2)',
        '│  ├─ consul',
        '│  │  └─ integrates with: nomad, vault',
        '│  └─ zookeeper (Apache ZooKeeper)',
        '└─ used by (1)',
        '   └─ kubernetes',
        '',
      ].join('\n'),
    );
  });

  it('escapes backslashes and quotes in DOT labels', () => {
    expect(graphDot(g)).toContain('"vault" [label="Vault \\"HC\\"\\\\"];');
  });
});

describe('tables in notes', () => {
  const md = '## Owners\n\n| env | owner |\n|---|---|\n| prod | sre |\n| dev | platform \\| tools |\n';
  it('reads a GFM pipe table into rows', () => {
    const [section] = splitSections(md);
    expect(section!.blocks).toEqual([{ kind: 'table', rows: [['env', 'owner'], ['prod', 'sre'], ['dev', 'platform | tools']] }]);
  });

  it('renders aligned columns when they fit, and header: value blocks when not', () => {
    const [section] = splitSections(md);
    expect(renderBlocks(section!.blocks, { width: 60, theme: plainTheme })).toEqual(['  env   owner', '  ────  ────────────────', '  prod  sre', '  dev   platform | tools']);
    expect(renderBlocks(section!.blocks, { width: 20, theme: plainTheme })).toEqual(['  env: prod', '  owner: sre', '', '  env: dev', '  owner: platform |', '    tools']);
  });
});
