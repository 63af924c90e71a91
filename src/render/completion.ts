/** Shell completion scripts generated from the command specs, so they never drift from the real flags. */
import { Command } from 'commander';
import type { CommandSpec } from '../commands/types.js';

/** A flattened view of the tree: command path ("" for the root, "profile dump") → words that may follow. */
interface Node {
  path: string;
  subcommands: string[];
  flags: string[];
  description: string;
}

const GLOBAL_FLAGS = ['--kubeconfig', '--context', '--namespace', '-n', '--istioNamespace', '-i', '--verbose', '-v', '--help', '-h'];

function flatten(specs: readonly CommandSpec[], prefix: string, out: Node[]): void {
  for (const spec of specs) {
    const cmd = new Command(spec.name);
    spec.options?.(cmd);
    const flags = cmd.options.flatMap((o) => [o.long, o.short].filter((f): f is string => !!f));
    const path = prefix ? `${prefix} ${spec.name}` : spec.name;
    out.push({ path, subcommands: (spec.subcommands ?? []).map((s) => s.name), flags: [...flags, ...GLOBAL_FLAGS], description: spec.summary });
    flatten(spec.subcommands ?? [], path, out);
  }
}

/** The script for `shell`, completing subcommands and flags for every command. */
export function completionScript(shell: 'bash' | 'zsh' | 'fish', specs: readonly CommandSpec[]): string {
  const nodes: Node[] = [{ path: '', subcommands: specs.map((s) => s.name), flags: [...GLOBAL_FLAGS, '--version'], description: '' }];
  flatten(specs, '', nodes);
  if (shell === 'fish') return fish(nodes, specs);
  const cases = nodes
    .map((n) => `    "${n.path}") words="${[...n.subcommands, ...n.flags].join(' ')}" ;;`)
    .join('\n');
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

function fish(nodes: Node[], specs: readonly CommandSpec[]): string {
  const lines = ['# mesh fish completion', 'complete -c mesh -f'];
  for (const spec of specs) lines.push(`complete -c mesh -n '__fish_use_subcommand' -a '${spec.name}' -d '${spec.summary.replace(/'/g, "\\'")}'`);
  for (const n of nodes.filter((x) => x.path !== '')) {
    const parts = n.path.split(' ');
    const cond = `__fish_seen_subcommand_from ${parts[parts.length - 1]}`;
    for (const sub of n.subcommands) lines.push(`complete -c mesh -n '${cond}' -a '${sub}'`);
    for (const flag of n.flags.filter((f) => f.startsWith('--'))) lines.push(`complete -c mesh -n '${cond}' -l '${flag.slice(2)}'`);
  }
  return `${lines.join('\n')}\n`;
}
