/**
 * Shell completion scripts. They hold no data: on every TAB they ask `devops-kb __complete WORDS...`,
 * which answers with "value<TAB>description" lines (or ":dirs" / ":files"), so user notes, facet keys
 * and values are always current. zsh and fish show the descriptions.
 */

export function bashCompletion(): string {
  return `# devops-kb bash completion. Install: devops-kb completion bash > ~/.local/share/bash-completion/completions/devops-kb
_devops_kb() {
  local line="\${COMP_LINE:0:COMP_POINT}" out wcur
  local -a words
  # Split the line ourselves: bash would split "agent=none" at the "=".
  read -ra words <<< "$line"
  [[ "$line" == *" " ]] && words+=("")
  wcur="\${words[\${#words[@]}-1]}"
  out="$(devops-kb __complete "\${words[@]:1}" 2>/dev/null)"
  case "$out" in
    :dirs) COMPREPLY=( $(compgen -d -- "\${COMP_WORDS[COMP_CWORD]}") ); return 0 ;;
    :files) COMPREPLY=( $(compgen -f -- "\${COMP_WORDS[COMP_CWORD]}") ); return 0 ;;
  esac
  local IFS=$'\\n'
  if [[ "$wcur" == *=* && "$COMP_WORDBREAKS" == *=* ]]; then
    COMPREPLY=( $(printf '%s\\n' "$out" | cut -f1 | sed 's/^[^=]*=//') )
  else
    COMPREPLY=( $(printf '%s\\n' "$out" | cut -f1) )
  fi
}
complete -o nosort -F _devops_kb devops-kb 2>/dev/null || complete -F _devops_kb devops-kb
`;
}

export function zshCompletion(): string {
  return `#compdef devops-kb
# devops-kb zsh completion. Install: devops-kb completion zsh > "\${fpath[1]}/_devops-kb", then restart zsh.
_devops_kb() {
  local -a lines cands
  local l
  lines=("\${(@f)$(devops-kb __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case "$lines[1]" in
    :dirs) _files -/; return ;;
    :files) _files; return ;;
  esac
  for l in $lines; do
    [[ -n "$l" ]] && cands+=("\${\${l%%$'\\t'*}//:/\\\\:}:\${l#*$'\\t'}")
  done
  _describe -V devops-kb cands
}
if [[ "$funcstack[1]" = "_devops_kb" ]]; then _devops_kb "$@"; else compdef _devops_kb devops-kb; fi
`;
}

export function fishCompletion(): string {
  return `# devops-kb fish completion. Install: devops-kb completion fish > ~/.config/fish/completions/devops-kb.fish
function __devops_kb_complete
  set -l words (commandline -opc) (commandline -ct)
  set -l out (devops-kb __complete $words[2..-1] 2>/dev/null)
  switch "$out[1]"
    case ':dirs'
      __fish_complete_directories (commandline -ct)
    case ':files'
      __fish_complete_path (commandline -ct)
    case '*'
      printf '%s\\n' $out
  end
end
complete -c devops-kb -f -a '(__devops_kb_complete)'
`;
}
