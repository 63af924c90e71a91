/**
 * Output formats for analysis messages (analyze, precheck): pure string builders. `log` is istioctl's line format (coloured only
 * when asked); `json`/`yaml` keep istioctl's `-o json` field names; `sarif` is SARIF 2.1.0 for code scanning.
 */
import { emitYaml } from '../core/yaml/emit.js';
import { documentationUrl, type AnalysisMessage } from '../core/model/messages.js';
import { paint, type Style } from './paint.js';
import { toSarif } from './sarif.js';

/** Formats `mesh analyze -o` accepts. */
export const ANALYZE_FORMATS = ['log', 'json', 'yaml', 'sarif'] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/** What formats need besides the messages. */
export interface FormatOptions {
  /** ANSI colour in `log` output. */
  color: boolean;
  /** mesh's version, for the SARIF tool record. */
  toolVersion: string;
}

/** Renders messages in `format`; the result ends with a newline unless it is empty log output. */
export function formatMessages(messages: readonly AnalysisMessage[], format: AnalyzeFormat, options: FormatOptions): string {
  switch (format) {
    case 'log':
      return messages.map((m) => `${logLine(m, options.color)}\n`).join('');
    case 'json':
      return `${JSON.stringify(messages.map(toOutput), null, 2)}\n`;
    case 'yaml':
      return messages.length ? emitYaml(messages.map(toOutput)) : '[]\n';
    case 'sarif':
      return `${JSON.stringify(toSarif(messages, options.toolVersion), null, 2)}\n`;
  }
}

const LEVEL_STYLES: Record<string, Style> = { Error: 'errorLevel', Warning: 'warningLevel' };

/** `Error [IST0101] (VirtualService default/reviews file.yaml:12) Referenced host not found: "x"`. */
export function logLine(m: AnalysisMessage, color: boolean): string {
  const style = LEVEL_STYLES[m.level];
  const level = style ? paint(m.level, style, color) : m.level;
  const where = m.origin ? ` (${m.origin}${m.file ? ` ${reference(m)}` : ''})` : '';
  return `${level} [${m.code}]${where} ${m.message}`;
}

/** `file:line` (istioctl's "reference"). */
function reference(m: AnalysisMessage): string {
  return m.line !== undefined && !m.file!.endsWith('.json') ? `${m.file}:${m.line}` : m.file!;
}

/** One message in istioctl's JSON shape (code, level, origin, reference, message, documentationUrl), plus mesh's extras. */
interface OutputMessage {
  code: string;
  level: string;
  origin?: string;
  reference?: string;
  message: string;
  documentationUrl?: string;
  name: string;
  resource?: AnalysisMessage['resource'];
  analyzer: string;
}

function toOutput(m: AnalysisMessage): OutputMessage {
  const out: OutputMessage = {
    code: m.code,
    level: m.level,
    origin: m.origin,
    reference: m.file ? reference(m) : undefined,
    message: m.message,
    documentationUrl: documentationUrl(m.code),
    name: m.name,
    resource: m.resource,
    analyzer: m.analyzer,
  };
  for (const key of Object.keys(out) as (keyof OutputMessage)[]) if (out[key] === undefined) delete out[key];
  return out;
}
