import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/adapters/progress.js';

describe('plain progress (stderr is not a terminal)', () => {
  it('prints finished components, warnings, and each distinct wait once', async () => {
    let text = '';
    const p = await createProgress({ err: (t) => void (text += t), terminal: { stdoutIsTTY: false, stderrIsTTY: false, color: false, colorErr: false } });
    p.start('Istiod');
    p.update('applying Deployment istio-system/istiod');
    p.update('waiting for workloads to be ready: Deployment istio-system/istiod (0/1 replicas ready)');
    p.update('waiting for workloads to be ready: Deployment istio-system/istiod (0/2 replicas ready)');
    p.warn('the cluster runs Istio 1.29.0');
    p.succeed('Istiod installed');
    p.fail('Ingress gateways failed');
    p.stop();
    expect(text).toBe(
      [
        '  Istiod: waiting for workloads to be ready: Deployment istio-system/istiod (0/1 replicas ready)',
        '! warning: the cluster runs Istio 1.29.0',
        '✔ Istiod installed',
        '✘ Ingress gateways failed',
        '',
      ].join('\n'),
    );
  });

  it('colours the marks only when colour is allowed', async () => {
    let text = '';
    const p = await createProgress({ err: (t) => void (text += t), terminal: { stdoutIsTTY: false, stderrIsTTY: false, color: false, colorErr: true } });
    p.succeed('done');
    expect(text).toBe('\u001b[32m✔\u001b[39m done\n');
  });
});
