/**
 * Help topics beyond the commands (`devops-kb help environment` ...), also the extra sections of the man
 * page generated at build time.
 */
export const HELP_TOPICS: Record<string, { summary: string; text: string }> = {
  environment: {
    summary: 'environment variables and the config file',
    text: `Environment variables

  DEVOPS_KB_PATH     colon-separated folders of your own notes (tools/*.md, categories/*.md);
                     later folders win; replaces the config file's "content"
  DEVOPS_KB_PAGER    pager for long output at a terminal ("" for none)
  PAGER              used when neither DEVOPS_KB_PAGER nor the config file names a pager
  NO_COLOR           any non-empty value turns colour off
  FORCE_COLOR        turns colour on even when piped (NO_COLOR wins)
  TERM=dumb          no colour unless forced
  COLUMNS            output width (else the terminal's, else 80)
  XDG_CACHE_HOME     where the compiled cache of your notes lives (default ~/.cache/devops-kb)
  XDG_CONFIG_HOME    where the config file lives (default ~/.config/devops-kb/config.toml)
  VISUAL, EDITOR     the editor 'devops-kb edit' opens (default vi)
  DEBUG=devops-kb    stack traces for internal errors (like --debug)

Config file: $XDG_CONFIG_HOME/devops-kb/config.toml (or config.yaml), flat keys:

  color = "auto"            # auto | always | never
  pager = "less -R"         # or "" for none
  content = ["~/team-notes"]
  limit = 10                # search results

Precedence: flags > environment > config file > defaults. For the pager, as in git:
--pager / --no-pager > DEVOPS_KB_PAGER > config "pager" > PAGER > less -R.
'devops-kb paths' shows the files and folders in effect.
`,
  },
  'exit-codes': {
    summary: 'what each exit code means',
    text: `Exit codes

  0  success (a search with no hits included)
  1  not found: unknown tool or category; stderr suggests up to 3 close names
  2  usage error: unknown command or flag, missing or empty argument, bad value
  3  content error: 'lint' found errors
  4  internal error (a bug): one line on stderr; a stack trace with --debug or DEBUG=devops-kb
`,
  },
  'note-format': {
    summary: 'how to write a tool or category note',
    text: `Note format

A tool note is content/tools/<id>.md (or <your folder>/tools/<id>.md): YAML frontmatter between
"---" lines, then Markdown sections.

  id, name, category, summary        required
  also, aliases, tags                lists
  pickWhen                           one line: "you want ..."
  homepage, repo, license, licenseNote, language, firstRelease, maintainer, hosting,
  status (active|maintenance|deprecated|archived), statusSince, replacedBy, verified (YYYY-MM)
  facets                             keys of the primary and also categories ('devops-kb categories <c>')
  related: {alternatives, uses, integrates}   tool ids
  sources                            URLs where the facts were checked

List facets hold one value per item: [linux, aix, solaris], never "unix (aix, solaris)".
Sections: ## Overview, ## How it works, ## Strengths, ## Weaknesses, ## When to use it,
## When to look elsewhere. 'devops-kb new <id> --category <c>' writes a skeleton; 'devops-kb lint'
checks it; 'devops-kb edit <tool>' starts from a built-in note.
`,
  },
  formats: {
    summary: 'output formats: text, --json, markdown, tsv, mermaid, dot',
    text: `Output formats

  text       default; colour and a pager only at a terminal; piped output has no escape codes
  --json     machine output on stdout only; arrays stay arrays, objects gain keys over time
             show: the whole note; search: [{id, name, category, summary, score, status, weak}];
             list: [{id, name, category, also, summary, status, tags, aliases}];
             choose: [{id, name, category, score, total, met, partial, missed, unknown, status, values}];
             compare: {tools, rows, categories, outliers, complementary}; categories: [{id, name, count,
             secondary, summary, facets}]
  compare --format markdown      a table for design docs
  list --format tsv              id, name, category, summary: for fzf and awk
  list --long                    one line per tool
  graph --format mermaid | dot   diagrams ('dot -Tsvg')

fzf recipe:
  devops-kb list --format tsv | fzf --with-nth 1,2 --delimiter '\\t' \\
    --preview 'devops-kb show --color always {1}' | cut -f1
`,
  },
};
