/** `mesh completion bash|zsh|fish`: prints a shell completion script built from the command tree's flag tables. */
import type { AnyCommandSpec, FlagTable } from './types.js';
import { defineCommand } from './types.js';
import type { CompletionNode } from '../render/completion.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

/**
 * The `completion` command over the command tree `tree` returns (the list in ./index.ts, which includes this
 * command): taking the tree as an argument keeps this file from importing the list that imports it.
 */
export function completionCommand(tree: () => readonly AnyCommandSpec[]) {
  return defineCommand({
    name: 'completion',
    summary: 'Print a shell completion script (bash, zsh or fish)',
    examples: [
      '# load completions in the current bash session',
      'source <(mesh completion bash)',
      '# install for zsh',
      'mesh completion zsh > "${fpath[1]}/_mesh"',
      '# fish',
      'mesh completion fish > ~/.config/fish/completions/mesh.fish',
    ],
    arguments: [{ name: '<shell>', description: 'the shell', choices: SHELLS }],
    async run(ctx, _opts, args) {
      const [{ globalFlags }, { completionScript }] = await Promise.all([import('./global-flags.js'), import('../render/completion.js')]);
      const commands = tree();
      const globals = [...flagWords(globalFlags), '--help', '-h'];
      const nodes: CompletionNode[] = [{ path: '', subcommands: commands.map((s) => s.name), flags: [...globals, '--version'], description: '' }];
      await flatten(commands, '', globals, nodes);
      ctx.out(completionScript(args[0] as (typeof SHELLS)[number], nodes));
    },
  });
}

/** The long and short spellings of every flag in a table (`--output`, `-o`: long first; other spellings after), in table order. */
function flagWords(flags: FlagTable): string[] {
  return Object.values(flags).flatMap((f) =>
    [f.flags, ...(f.also ?? []).map((a) => a.flags)].flatMap((spelling) => {
      const words = spelling.split(/[ ,|]+/).filter((w) => w.startsWith('-'));
      return [...words.filter((w) => w.startsWith('--')), ...words.filter((w) => !w.startsWith('--'))];
    }),
  );
}

async function flatten(specs: readonly AnyCommandSpec[], prefix: string, globals: string[], out: CompletionNode[]): Promise<void> {
  for (const spec of specs) {
    const path = prefix ? `${prefix} ${spec.name}` : spec.name;
    const own = spec.flags ? flagWords(spec.flags) : [];
    out.push({ path, subcommands: (spec.subcommands ?? []).map((s) => s.name), flags: [...own, ...globals], description: spec.summary });
    await flatten(spec.subcommands ?? [], path, globals, out);
  }
}
