import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';

// ajv is CommonJS: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;
import { operatorSchema } from '../../../src/profiles/schema.js';
import { PROFILES } from '../../../src/profiles/index.js';
import { resolveValues } from '../../../src/core/manifest/index.js';

const file = join(import.meta.dirname, '../../../schemas/IstioOperator.json');

describe('schemas/IstioOperator.json', () => {
  it('is the schema src/profiles derives from the default profile (MESH_UPDATE_GOLDEN=1 rewrites it)', async () => {
    await expect(`${JSON.stringify(operatorSchema(), null, 2)}\n`).toMatchFileSnapshot(file);
  });

  // The first test proves the file equals operatorSchema(); compile the file when it exists (it is checked in).
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : operatorSchema());

  it.each(PROFILES.map((p) => [p.name, p]))('accepts the %s overlay and its resolved form', (_name, profile) => {
    const overlay = { apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', spec: profile.overlay };
    expect(validate(overlay), JSON.stringify(validate.errors)).toBe(true);
    const resolved = resolveValues({ sets: [`profile=${profile.name}`] });
    expect(validate(resolved), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown fields and wrong types', () => {
    expect(validate({ kind: 'IstioOperator', spec: { values: { global: { hubb: 'x' } } } })).toBe(false);
    expect(validate({ kind: 'IstioOperator', spec: { components: { pilot: { enabled: 'yes' } } } })).toBe(false);
    expect(validate({ kind: 'IstioOperator', spec: { tag: 1.3, values: { pilot: { env: { ANY: 'thing' } } } } })).toBe(true);
  });
});
