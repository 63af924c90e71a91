// Goldens for `mesh describe`, offline on files. Regenerate with: MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/describe
// Review every change: a golden is only right if what it shows is what Istio would apply.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

const SHOP = 'test/golden/describe/fixtures/shop.yaml';
const ORDERING = ['-f', 'samples/ordering.yaml', '-f', 'samples/mistakes/'];

const cases: { name: string; argv: string[] }[] = [
  { name: 'shop-catalog-v1.txt', argv: ['describe', 'pod', 'deployment/catalog-v1', '-n', 'shop', '-f', SHOP] },
  { name: 'shop-catalog-v1.json', argv: ['describe', 'pod', 'deployment/catalog-v1', '-n', 'shop', '-f', SHOP, '-o', 'json'] },
  { name: 'shop-frontend.txt', argv: ['describe', 'pod', 'deployment/frontend.shop', '-f', SHOP] },
  { name: 'shop-legacy.txt', argv: ['describe', 'pod', 'deployment/legacy.shop', '-f', SHOP] },
  { name: 'shop-svc-catalog.txt', argv: ['describe', 'svc', 'catalog', '-n', 'shop', '-f', SHOP] },
  { name: 'shop-svc-frontend.yaml', argv: ['describe', 'service', 'frontend.shop', '-f', SHOP, '-o', 'yaml'] },
  { name: 'ordering-booking-v1.txt', argv: ['describe', 'pod', 'deployment/booking-v1', '-n', 'ordering', ...ORDERING] },
  { name: 'ordering-svc-booking.txt', argv: ['describe', 'svc', 'booking.ordering', ...ORDERING] },
];

describe('mesh describe goldens', () => {
  it.each(cases)('$name', async ({ name, argv }) => {
    const r = await runCli(argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`./${name}`);
  });
});
