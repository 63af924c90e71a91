/** Shell completion scripts generated from the command specs, so they never drift from the real flags. */
/** One command of the tree, flattened: its path ("" for the root, "profile dump") and the words that may follow it. */
export interface CompletionNode {
  path: string;
  /** Names of its subcommands. */
  subcommands: string[];
  /** Its flags (long and short spellings), the global ones included. */
  flags: string[];
  /** One line of help. */
  description: string;
}

/** The script for `shell`, completing subcommands and flags for every command. */
export function completionScript(shell: 'bash' | 'zsh' | 'fish', nodes: readonly CompletionNode[]): string {
  if (shell === 'fish') return fish(nodes);
  const cases = nodes.map((n) => `    "${n.path}") words="${[...n.subcommands, ...n.flags].join(' ')}" ;;`).join('\n');
  const body = `_mesh_words() {
  case "$1" in
${cases}
    *) words="" ;;
  esac
}
_mesh_path() {
  # The command path is the run of known subcommand words after "mesh", skipping flags.
  local path="" w i
  for ((i = 1; i < $1; i++)); do
    w="\${COMP_WORDS_COPY[i]}"
    [[ "$w" == -* ]] && continue
    _mesh_words "\${path:+$path }$w"
    local probe="$words"
    _mesh_words "$path"
    [[ " $words " == *" $w "* ]] && path="\${path:+$path }$w"
  done
  echo "$path"
}
`;
  if (shell === 'bash') {
    return `# mesh bash completion\n${body}_mesh() {
  COMP_WORDS_COPY=("\${COMP_WORDS[@]}")
  local path; path="$(_mesh_path "$COMP_CWORD")"
  _mesh_words "$path"
  COMPREPLY=($(compgen -W "$words" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _mesh mesh
`;
  }
  return `#compdef mesh
# mesh zsh completion
${body}_mesh() {
  COMP_WORDS_COPY=("" "\${(@)words[2,-1]}")
  local path; path="$(_mesh_path $((CURRENT - 1)))"
  local words; _mesh_words "$path"
  compadd -- \${=words}
}
compdef _mesh mesh
`;
}

function fish(nodes: readonly CompletionNode[]): string {
  const lines = ['# mesh fish completion', 'complete -c mesh -f'];
  for (const top of nodes.filter((n) => n.path !== '' && !n.path.includes(' '))) {
    lines.push(`complete -c mesh -n '__fish_use_subcommand' -a '${top.path}' -d '${top.description.replace(/'/g, "\\'")}'`);
  }
  for (const n of nodes.filter((x) => x.path !== '')) {
    const parts = n.path.split(' ');
    const cond = `__fish_seen_subcommand_from ${parts[parts.length - 1]}`;
    for (const sub of n.subcommands) lines.push(`complete -c mesh -n '${cond}' -a '${sub}'`);
    for (const flag of n.flags.filter((f) => f.startsWith('--'))) lines.push(`complete -c mesh -n '${cond}' -l '${flag.slice(2)}'`);
  }
  return `${lines.join('\n')}\n`;
}
