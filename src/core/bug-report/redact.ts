/**
 * Redaction of what a bug report must never carry: PEM private keys and certificates, JSON Web Tokens and bearer
 * tokens, and the secret material Envoy's config dump inlines (`inline_bytes`, `inline_string` of a secret, private
 * keys). Applied to every text collected, logs included, so a report can be attached to a public issue.
 */

/** What replaces a redacted value. */
export const REDACTED = '<redacted>';

// A raw PEM never holds a backslash; one that does is an escaped PEM (below), replaced first.
const PEM = /-----BEGIN ([A-Z0-9 ]+)-----[^\\]*?-----END \1-----/g;
// Escaped PEMs as JSON strings carry them (config dumps, ConfigMap data): the body runs over `\n` escapes.
const PEM_ESCAPED = /-----BEGIN ([A-Z0-9 ]+)-----(?:\\[nr]|[^\\\n"])*?-----END \1-----/g;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
const BEARER = /\b(Bearer|bearer)\s+[A-Za-z0-9._~+/=-]{8,}/g;
// Envoy's SDS secrets and TLS contexts: `"inline_bytes": "<base64>"`, `"inline_string": "..."` (also camelCase).
const INLINE = /("(?:inline_bytes|inlineBytes|inline_string|inlineString)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
// Keys whose values are credentials in JSON and YAML (`"token": "…"`, `password: …`, `private_key: …`).
const SECRET_KEYS = 'token|id_token|access_token|refresh_token|password|passwd|client_secret|private_key|privateKey|tls\\.key|caKey|ca-key\\.pem|key\\.pem';
const JSON_KEYED = new RegExp(`("(?:${SECRET_KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)+"`, 'g');
const YAML_KEYED = new RegExp(`^(\\s*(?:${SECRET_KEYS}):[ \\t]+)(?![|>]\\s*$)(\\S.*)$`, 'gm');

/** Returns `text` with every token, key and certificate replaced by REDACTED; `count` is how many were. */
export function redact(text: string): { text: string; count: number } {
  let count = 0;
  const hit = (replacement: string) => (): string => {
    count++;
    return replacement;
  };
  let out = text.replace(PEM_ESCAPED, (_m, label: string) => {
    count++;
    return `-----BEGIN ${label}-----\\n${REDACTED}\\n-----END ${label}-----`;
  });
  out = out.replace(PEM, (_m, label: string) => {
    count++;
    return `-----BEGIN ${label}-----\n${REDACTED}\n-----END ${label}-----`;
  });
  out = out.replace(INLINE, (_m, key: string) => {
    count++;
    return `${key}"${REDACTED}"`;
  });
  out = out.replace(JSON_KEYED, (_m, key: string) => {
    count++;
    return `${key}"${REDACTED}"`;
  });
  out = out.replace(YAML_KEYED, (_m, key: string) => {
    count++;
    return `${key}${REDACTED}`;
  });
  out = out.replace(JWT, hit(REDACTED));
  out = out.replace(BEARER, (_m, word: string) => {
    count++;
    return `${word} ${REDACTED}`;
  });
  return { text: out, count };
}
