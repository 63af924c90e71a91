/** `mesh tag set|list|remove|generate`: revision tags, stable names (e.g. prod-stable) that namespaces use and that move between revisions. */
import { defineCommand } from '../types.js';
import { generateFlags, listFlags, removeFlags, setFlags } from './flags.js';

const set = defineCommand({
  name: 'set',
  summary: 'Create a revision tag, or point one at another revision (--overwrite)',
  arguments: [{ name: '<tag>' }],
  description:
    "Builds the tag's MutatingWebhookConfiguration from the revision's own injector webhook (same service or URL, " +
    'same CA bundle) and applies it with server-side apply, with a Service istiod-revision-tag-<tag>. The tag "default" also ' +
    'takes over istio-injection=enabled namespaces and the cluster-wide validator istiod-default-validator, and switches off ' +
    "the old default revision's injector (kept, never matching) so no pod is injected twice.",
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
  flags: setFlags,
  async run(ctx, opts, args) {
    const { runTagSet } = await import('./run.js');
    return runTagSet(ctx, args[0]!, opts, false);
  },
});

const generate = defineCommand({
  name: 'generate',
  summary: 'Print the objects a revision tag consists of, without applying them',
  arguments: [{ name: '<tag>' }],
  description:
    "Reads the revision's injector webhook from the cluster and prints what `tag set` would apply. It refuses an " +
    'existing tag without --overwrite, as istioctl does.',
  examples: [
    '# review, then apply with kubectl',
    'mesh tag generate prod-stable --revision 1-30-3 > tag.yaml',
    'kubectl apply --server-side -f tag.yaml',
    '# straight into a GitOps repository, as JSON',
    'mesh tag generate default --revision 1-30-3 -o json | jq .',
  ],
  flags: generateFlags,
  async run(ctx, opts, args) {
    const { runTagSet } = await import('./run.js');
    return runTagSet(ctx, args[0]!, opts, true);
  },
});

const list = defineCommand({
  name: 'list',
  aliases: ['show'],
  summary: 'List revision tags: TAG, REVISION, and the NAMESPACES labelled with each',
  examples: ['mesh tag list', '# which revision does prod-stable point at?', 'mesh tag list -o json | jq -r \'.[] | select(.tag=="prod-stable") | .revision\''],
  flags: listFlags,
  async run(ctx, opts) {
    const { runTagList } = await import('./run.js');
    return runTagList(ctx, opts.output);
  },
});

const remove = defineCommand({
  name: 'remove',
  aliases: ['delete'],
  summary: 'Remove a revision tag (its webhook, Service, and for "default" the default validator)',
  arguments: [{ name: '<tag>' }],
  description:
    'Namespaces labelled istio.io/rev=<tag> lose sidecar injection when their tag is removed: mesh asks first on a ' +
    'terminal and refuses without -y otherwise, naming the namespaces.',
  examples: [
    '# after relabelling every namespace away from it',
    'mesh tag remove prod-canary',
    '# in CI, even if namespaces still use it',
    'mesh tag remove prod-canary -y',
  ],
  flags: removeFlags,
  async run(ctx, opts, args) {
    const { runTagRemove } = await import('./run.js');
    return runTagRemove(ctx, args[0]!, opts.skipConfirmation);
  },
});

/** The `tag` command group. */
export const tag = defineCommand({
  name: 'tag',
  summary: 'Manage revision tags: stable names for control-plane revisions (canary upgrades)',
  description:
    'A namespace labelled istio.io/rev=<tag> is injected by whichever revision the tag points at, so an upgrade ' +
    'moves the tag instead of relabelling every namespace.',
  examples: ['mesh tag set prod-stable --revision canary', 'mesh tag list', 'mesh tag remove prod-stable'],
  subcommands: [set, list, remove, generate],
});
