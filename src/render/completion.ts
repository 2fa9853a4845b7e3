/** What a completion script completes: commands with their flags, tool names and categories. */
export interface CompletionData {
  commands: { name: string; flags: string[] }[];
  globalFlags: string[];
  tools: string[];
  categories: string[];
}

const words = (xs: string[]) => xs.map((x) => x.replace(/[^A-Za-z0-9._:/-]/g, '')).filter((x) => x !== '').join(' ');

export function bashCompletion(d: CompletionData): string {
  const cases = d.commands.map((c) => `    ${c.name}) flags="${words(c.flags)}" ;;`).join('\n');
  return `# devops-kb bash completion. Install: devops-kb completion bash > ~/.local/share/bash-completion/completions/devops-kb
_devops_kb() {
  local cur prev cmd flags
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  local commands="${words(d.commands.map((c) => c.name))}"
  local tools="${words(d.tools)}"
  local categories="${words(d.categories)}"
  local global="${words(d.globalFlags)}"
  case "$prev" in
    --category|-c) COMPREPLY=( $(compgen -W "$categories" -- "$cur") ); return 0 ;;
    --color) COMPREPLY=( $(compgen -W "auto always never" -- "$cur") ); return 0 ;;
    --format|-f) COMPREPLY=( $(compgen -W "table markdown json text mermaid dot" -- "$cur") ); return 0 ;;
    --content|--dir) COMPREPLY=( $(compgen -d -- "$cur") ); return 0 ;;
  esac
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "$commands $global" -- "$cur") ); return 0
  fi
  case "$cmd" in
${cases}
    *) flags="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$flags $global" -- "$cur") )
  elif [ "$cmd" = "choose" ] || [ "$cmd" = "categories" ]; then
    COMPREPLY=( $(compgen -W "$categories" -- "$cur") )
  elif [ "$cmd" = "completion" ]; then
    COMPREPLY=( $(compgen -W "bash zsh fish" -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "$tools" -- "$cur") )
  fi
}
complete -F _devops_kb devops-kb
`;
}

export function zshCompletion(d: CompletionData): string {
  return `#compdef devops-kb
# devops-kb zsh completion. Install: devops-kb completion zsh > "\${fpath[1]}/_devops-kb", then restart zsh.
_devops_kb() {
  local -a commands tools categories flags
  commands=(${words(d.commands.map((c) => c.name))})
  tools=(${words(d.tools)})
  categories=(${words(d.categories)})
  case "$words[CURRENT-1]" in
    --category|-c) compadd -a categories; return ;;
    --color) compadd auto always never; return ;;
    --format|-f) compadd table markdown json text mermaid dot; return ;;
    --content|--dir) _files -/; return ;;
  esac
  if (( CURRENT == 2 )); then compadd -a commands; return; fi
  case "$words[2]" in
${d.commands.map((c) => `    ${c.name}) flags=(${words(c.flags)}) ;;`).join('\n')}
  esac
  if [[ "$PREFIX" == -* ]]; then compadd -a flags; compadd ${words(d.globalFlags)}; return; fi
  case "$words[2]" in
    choose|categories) compadd -a categories ;;
    completion) compadd bash zsh fish ;;
    *) compadd -a tools ;;
  esac
}
compdef _devops_kb devops-kb
`;
}

export function fishCompletion(d: CompletionData): string {
  const lines = [
    '# devops-kb fish completion. Install: devops-kb completion fish > ~/.config/fish/completions/devops-kb.fish',
    'complete -c devops-kb -f',
    `complete -c devops-kb -n '__fish_use_subcommand' -a '${words(d.commands.map((c) => c.name))}'`,
    `complete -c devops-kb -n '__fish_seen_subcommand_from show compare related graph open search' -a '${words(d.tools)}'`,
    `complete -c devops-kb -n '__fish_seen_subcommand_from choose' -a '${words(d.categories)}'`,
    `complete -c devops-kb -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`,
    `complete -c devops-kb -l category -s c -x -a '${words(d.categories)}'`,
    "complete -c devops-kb -l color -x -a 'auto always never'",
  ];
  for (const c of d.commands) {
    for (const f of c.flags.filter((x) => x.startsWith('--'))) lines.push(`complete -c devops-kb -n '__fish_seen_subcommand_from ${c.name}' -l ${f.slice(2)}`);
  }
  for (const f of d.globalFlags.filter((x) => x.startsWith('--'))) lines.push(`complete -c devops-kb -l ${f.slice(2)}`);
  return lines.join('\n') + '\n';
}
