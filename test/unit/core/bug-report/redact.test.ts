import { describe, expect, it } from 'vitest';
import { redact } from '../../../../src/core/bug-report/redact.js';

describe('bug-report redaction', () => {
  it.each([
    [
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc=\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\n<redacted>\n-----END RSA PRIVATE KEY-----',
    ],
    [
      '{"cert":"-----BEGIN CERTIFICATE-----\\nMIIB\\nxyz\\n-----END CERTIFICATE-----\\n"}',
      '{"cert":"-----BEGIN CERTIFICATE-----\\n<redacted>\\n-----END CERTIFICATE-----\\n"}',
    ],
    ['auth eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eXoxMjM0NSJ9.c2lnbmF0dXJlMTIz ok', 'auth <redacted> ok'],
    ['Authorization: Bearer abcdefgh12345678', 'Authorization: Bearer <redacted>'],
    ['{"private_key":{"inline_bytes":"c2VjcmV0"}}', '{"private_key":{"inline_bytes":"<redacted>"}}'],
    ['{"inlineString": "s3cret"}', '{"inlineString": "<redacted>"}'],
    ['{"token": "abc", "name": "x"}', '{"token": "<redacted>", "name": "x"}'],
    ['users:\n- user:\n    token: abc123\n    password: hunter2\n', 'users:\n- user:\n    token: <redacted>\n    password: <redacted>\n'],
  ])('redacts %j', (input, output) => {
    const r = redact(input);
    expect(r.text).toBe(output);
    expect(r.count).toBeGreaterThan(0);
  });

  it('leaves ordinary log lines and config alone', () => {
    const text = '2026-12-01T00:00:00Z info ads ADS: new connection for node:sidecar~10.0.0.1 tokens=5\nmaxTokens: 100\ncertificates: 2 loaded\n';
    expect(redact(text)).toEqual({ text, count: 0 });
  });
});
