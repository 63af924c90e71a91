/** `mesh tag set|list|remove|generate`: revision tags, stable names (e.g. prod-stable) that namespaces use and that move between revisions. */
import type { Command } from 'commander';
import type { LegacyCommandSpec } from './types.js';
import { outputOption } from './options.js';

/** Flags of `tag set` and `tag generate`. */
export interface TagSetOptions {
  /** The control-plane revision the tag points at. */
  revision: string;
  /** Replace an existing tag (and allow a tag named like a revision). */
  overwrite: boolean;
  /** Apply even if the tag's webhook would overlap another injection webhook (IST0139), without asking. */
  skipConfirmation: boolean;
  /** Name of the tag's MutatingWebhookConfiguration instead of istio-revision-tag-<tag>. */
  webhookName?: string;
  /** The default tag also injects namespaces with no injection label. */
  autoInjectNamespaces: boolean;
  /** `generate` only: yaml or json. */
  output?: 'yaml' | 'json';
}

const setFlags = (cmd: Command): void => {
  cmd.requiredOption('-r, --revision <revision>', 'control-plane revision the tag points at');
  cmd.option('--overwrite', 'replace the tag if it exists (retarget it to --revision)', false);
  cmd.option('-y, --skip-confirmation', 'apply even if the tag would overlap another injection webhook, without asking', false);
  cmd.option('--webhook-name <name>', 'name of the tag\'s MutatingWebhookConfiguration (default: istio-revision-tag-<tag>)');
  cmd.option('--auto-inject-namespaces', 'default tag only: also inject namespaces that carry no injection label', false);
};

const set: LegacyCommandSpec<TagSetOptions> = {
  name: 'set',
  summary: 'Create a revision tag, or point one at another revision (--overwrite)',
  arguments: '<tag>',
  description: 'Builds the tag\'s MutatingWebhookConfiguration from the revision\'s own injector webhook (same service or URL, '
    + 'same CA bundle) and applies it with server-side apply, with a Service istiod-revision-tag-<tag>. The tag "default" also '
    + 'takes over istio-injection=enabled namespaces and the cluster-wide validator istiod-default-validator, and switches off '
    + 'the old default revision\'s injector (kept, never matching) so no pod is injected twice.',
  examples: [
    '# canary upgrade: install the new revision next to the old one',
    'mesh install --set profile=minimal --revision 1-30-3',
    '# a stable name for the current revision; label namespaces with it',
    'mesh tag set prod-stable --revision 1-29-0',
    'kubectl label namespace shop istio.io/rev=prod-stable',
    '# when the new revision is ready, move the tag and restart the workloads',
    'mesh tag set prod-stable --revision 1-30-3 --overwrite',
    'kubectl rollout restart deployment -n shop',
    '# make a revision the default (istio-injection=enabled namespaces, config validation)',
    'mesh tag set default --revision 1-30-3 --overwrite',
  ],
  options: setFlags,
  async run(ctx, opts, args) {
    const { runTagSet } = await import('./tag-run.js');
    return runTagSet(ctx, args[0]!, opts, false);
  },
};

const generate: LegacyCommandSpec<TagSetOptions> = {
  name: 'generate',
  summary: 'Print the objects a revision tag consists of, without applying them',
  arguments: '<tag>',
  description: 'Reads the revision\'s injector webhook from the cluster and prints what `tag set` would apply. It refuses an '
    + 'existing tag without --overwrite, as istioctl does.',
  examples: [
    '# review, then apply with kubectl',
    'mesh tag generate prod-stable --revision 1-30-3 > tag.yaml',
    'kubectl apply --server-side -f tag.yaml',
    '# straight into a GitOps repository, as JSON',
    'mesh tag generate default --revision 1-30-3 -o json | jq .',
  ],
  options: (cmd: Command) => {
    setFlags(cmd);
    cmd.addOption(outputOption(['yaml', 'json'], 'yaml'));
  },
  async run(ctx, opts, args) {
    const { runTagSet } = await import('./tag-run.js');
    return runTagSet(ctx, args[0]!, opts, true);
  },
};

const list: LegacyCommandSpec<{ output: 'table' | 'json' | 'yaml' }> = {
  name: 'list',
  aliases: ['show'],
  summary: 'List revision tags: TAG, REVISION, and the NAMESPACES labelled with each',
  examples: [
    'mesh tag list',
    '# which revision does prod-stable point at?',
    'mesh tag list -o json | jq -r \'.[] | select(.tag=="prod-stable") | .revision\'',
  ],
  options: (cmd: Command) => void cmd.addOption(outputOption(['table', 'json', 'yaml'], 'table')),
  async run(ctx, opts) {
    const { runTagList } = await import('./tag-run.js');
    return runTagList(ctx, opts.output);
  },
};

const remove: LegacyCommandSpec<{ skipConfirmation: boolean }> = {
  name: 'remove',
  aliases: ['delete'],
  summary: 'Remove a revision tag (its webhook, Service, and for "default" the default validator)',
  arguments: '<tag>',
  description: 'Namespaces labelled istio.io/rev=<tag> lose sidecar injection when their tag is removed: mesh asks first on a '
    + 'terminal and refuses without -y otherwise, naming the namespaces.',
  examples: [
    '# after relabelling every namespace away from it',
    'mesh tag remove prod-canary',
    '# in CI, even if namespaces still use it',
    'mesh tag remove prod-canary -y',
  ],
  options: (cmd: Command) => void cmd.option('-y, --skip-confirmation', 'remove even if namespaces still use the tag, without asking', false),
  async run(ctx, opts, args) {
    const { runTagRemove } = await import('./tag-run.js');
    return runTagRemove(ctx, args[0]!, opts.skipConfirmation);
  },
};

export const tag: LegacyCommandSpec = {
  name: 'tag',
  summary: 'Manage revision tags: stable names for control-plane revisions (canary upgrades)',
  description: 'A namespace labelled istio.io/rev=<tag> is injected by whichever revision the tag points at, so an upgrade '
    + 'moves the tag instead of relabelling every namespace.',
  examples: ['mesh tag set prod-stable --revision canary', 'mesh tag list', 'mesh tag remove prod-stable'],
  subcommands: [set, list, remove, generate],
};
