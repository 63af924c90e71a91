/** `mesh validate`: checks Istio resources in files as the API server and Istio's validating webhook would. */
import { defineCommand } from './types.js';
import { boolFlag, filenameFlag, outputFlag, recursiveFlag } from './flags.js';
import { ExitCode, UsageError } from '../errors.js';

export const validate = defineCommand({
  name: 'validate',
  summary: 'Validate Istio resources in files against the API schemas and Istio’s webhook rules',
  description:
    'Checks every object in the given files, directories or stdin, and reports every problem with file:line:col, the object ' +
    '(Kind/namespace/name) and the field path. Istio kinds are checked against their schema (types, enums, required fields, CEL rules) ' +
    'and the semantic rules of Istio’s validating webhook; other Kubernetes objects pass unless malformed or refused for their API (a workload in a removed beta apiVersion or without spec.selector).\n' +
    'Exit codes: 0 valid (warnings allowed), 79 problems found, 64 bad flags, 65 unreadable input.',
  examples: [
    '# validate one file',
    'mesh validate -f virtual-service.yaml',
    '# a whole repository, machine-readable',
    'mesh validate -f deploy/ -R -o json',
    '# what a Helm chart renders',
    'helm template ./chart | mesh validate -f -',
    '# skip kinds mesh does not know (e.g. CRDs of other projects in istio.io groups)',
    'mesh validate -f manifests/ -R --ignore-unknown',
  ],
  flags: {
    filename: filenameFlag('file, directory, or - for stdin to validate (repeatable)'),
    recursive: recursiveFlag(),
    output: outputFlag(['log', 'json'], 'log'),
    ignoreUnknown: boolFlag('--ignore-unknown', 'skip documents that are not Kubernetes objects and unknown kinds in Istio API groups'),
  },
  async run(ctx, opts) {
    if (!opts.filename?.length) throw new UsageError('no input: give -f <file|dir|->', { hint: 'mesh validate -f resources.yaml' });
    const { validateSources } = await import('../core/validate/sources.js');
    const sources = await ctx.files.readSources(opts.filename, { recursive: opts.recursive });
    const { diagnostics, objects } = await validateSources(sources, { ignoreUnknown: opts.ignoreUnknown });
    const { paintSeverity, renderJson, renderLog, renderSummary, summarize } = await import('../render/validate.js');
    const summary = summarize(diagnostics, objects);
    if (opts.output === 'json') ctx.out(renderJson(diagnostics, summary));
    else {
      ctx.out(renderLog(diagnostics, ctx.terminal.color ? paintSeverity : undefined));
      ctx.err(renderSummary(summary));
    }
    return summary.errors > 0 ? ExitCode.IssuesFound : ExitCode.Ok;
  },
});
