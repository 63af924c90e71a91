/** The flags of `mesh describe pod|service`, and the options type derived from them. */
import type { FlagSpec, OptionsOf } from '../types.js';
import { durationMs, filenameFlag, outputFlag, parsedFlag, recursiveFlag } from '../flags.js';

/** Leave out warnings about pods without a sidecar; istioctl spells it --ignoreUnmeshed, which sets the same key. */
const ignoreUnmeshed: FlagSpec<boolean | undefined> = {
  flags: '--ignore-unmeshed',
  description: 'leave out warnings about pods without an Istio sidecar',
  also: [{ flags: '--ignoreUnmeshed', description: "istioctl's spelling of --ignore-unmeshed", hidden: true }],
};

/** The flags of both describe subcommands. */
export const describeFlags = {
  output: outputFlag(['text', 'json', 'yaml'], 'text'),
  filename: filenameFlag('describe offline from these manifests (file, directory, or - for stdin; repeatable) instead of the cluster'),
  recursive: recursiveFlag(),
  ignoreUnmeshed,
  timeout: parsedFlag('--timeout <duration>', 'how long to wait for the cluster', durationMs, 30_000, '30s'),
};

/** Parsed flags of `mesh describe pod|service`. */
export type DescribeOptions = OptionsOf<typeof describeFlags>;
