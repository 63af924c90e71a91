/** `mesh completion bash|zsh|fish`: prints a shell completion script built from the command tree. */
import { Argument, type Command } from 'commander';
import type { CommandSpec } from './types.js';

export const completion: CommandSpec = {
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
  options: (cmd: Command) => {
    cmd.addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']));
  },
  async run(ctx, _opts, args) {
    const { commands } = await import('./index.js');
    const { completionScript } = await import('../render/completion.js');
    ctx.out(completionScript(args[0] as 'bash' | 'zsh' | 'fish', commands));
  },
};
