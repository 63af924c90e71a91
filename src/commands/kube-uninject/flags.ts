/** The flags of `mesh kube-uninject`: kube-inject's input and output flags (the injection settings have no use here). */
import type { OptionsOf } from '../types.js';
import { boolFlag, filenameFlag, recursiveFlag, textFlag } from '../flags.js';

/** The flags of `mesh kube-uninject`. */
export const kubeUninjectFlags = {
  filename: filenameFlag('input file, directory, or - for stdin (repeatable)'),
  recursive: recursiveFlag(),
  output: textFlag('-o, --output <file>', 'write the result to this file instead of stdout (atomic; may name the input file)'),
  inPlace: boolFlag('--in-place', 'rewrite each input file in place (atomic: the file is replaced only when every document could be read)'),
};

/** Parsed flags of `mesh kube-uninject`. */
export type KubeUninjectOptions = OptionsOf<typeof kubeUninjectFlags>;
