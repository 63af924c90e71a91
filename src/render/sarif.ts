/** SARIF 2.1.0 for GitHub code scanning and other CI viewers: one run, one rule per code that occurs. */
import { MESSAGES, documentationUrl, type MessageCode } from '../core/model/messages.js';
import type { AnalysisMessage } from '../core/model/messages.js';

const SARIF_LEVEL = { Error: 'error', Warning: 'warning', Info: 'note' } as const;

/** Builds the SARIF log object for `messages`. */
export function toSarif(messages: readonly AnalysisMessage[], toolVersion: string): object {
  const codes = [...new Set(messages.map((m) => m.code))].sort();
  const rules = codes.map((code) => {
    const t = MESSAGES[code as MessageCode];
    const help = documentationUrl(code);
    return {
      id: code,
      name: t.name,
      shortDescription: { text: t.description },
      ...(help ? { helpUri: help } : {}),
      defaultConfiguration: { level: SARIF_LEVEL[t.level] },
    };
  });
  const results = messages.map((m) => ({
    ruleId: m.code,
    ruleIndex: codes.indexOf(m.code),
    level: SARIF_LEVEL[m.level],
    message: { text: m.origin ? `${m.origin}: ${m.message}` : m.message },
    ...(m.file
      ? {
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: toUri(m.file) }, region: { startLine: m.line ?? 1 } },
              ...(m.origin ? { logicalLocations: [{ fullyQualifiedName: m.origin, kind: 'resource' }] } : {}),
            },
          ],
        }
      : m.origin
        ? { locations: [{ logicalLocations: [{ fullyQualifiedName: m.origin, kind: 'resource' }] }] }
        : {}),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'mesh', version: toolVersion, semanticVersion: toolVersion, rules } }, results }],
  };
}

/** Relative paths with forward slashes, as code scanning expects. */
function toUri(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}
