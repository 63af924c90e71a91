/** The flags of `mesh tag set|generate|list|remove`, and the options types derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, outputFlag, requiredFlag, textFlag } from '../flags.js';

/** The flags of `tag set`. */
export const setFlags = {
  revision: requiredFlag('-r, --revision <revision>', 'control-plane revision the tag points at'),
  overwrite: boolFlag('--overwrite', 'replace the tag if it exists (retarget it to --revision)'),
  skipConfirmation: boolFlag('-y, --skip-confirmation', 'apply even if the tag would overlap another injection webhook, without asking'),
  webhookName: textFlag('--webhook-name <name>', "name of the tag's MutatingWebhookConfiguration (default: istio-revision-tag-<tag>)"),
  autoInjectNamespaces: boolFlag('--auto-inject-namespaces', 'default tag only: also inject namespaces that carry no injection label'),
};

/** The flags of `tag generate`: those of `tag set`, and the output format. */
export const generateFlags = { ...setFlags, output: outputFlag(['yaml', 'json'], 'yaml') };

/** Parsed flags of `tag set` and `tag generate` (`output` only for generate). */
export type TagSetOptions = OptionsOf<typeof setFlags> & Partial<Pick<OptionsOf<typeof generateFlags>, 'output'>>;

/** The flags of `tag list`. */
export const listFlags = { output: outputFlag(['table', 'json', 'yaml'], 'table') };

/** The flags of `tag remove`. */
export const removeFlags = {
  skipConfirmation: boolFlag('-y, --skip-confirmation', 'remove even if namespaces still use the tag, without asking'),
};
