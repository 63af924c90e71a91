// What a user without a (usable) kubeconfig, or with one whose server certificate is not trusted, is told.
import { describe, expect, it } from 'vitest';
import { connect, translateKubeError } from '../../../../src/adapters/kube/client.js';
import { ClusterError } from '../../../../src/errors.js';

describe('connect without any kubeconfig', () => {
  it('says no cluster is configured and where mesh looked, before loading the client', async () => {
    const error = await connect({}, { HOME: '/nonexistent-home' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterError);
    expect((error as ClusterError).message).toBe(
      'no cluster configured: no --kubeconfig, KUBECONFIG is unset (or names no file) and ~/.kube/config does not exist',
    );
    expect((error as ClusterError).hint).toBe('pass --kubeconfig <file> or set KUBECONFIG to point mesh at a cluster');
  });

  it('counts a KUBECONFIG that names no file as none', async () => {
    const error = await connect({}, { HOME: '/nonexistent-home', KUBECONFIG: '/nonexistent/a:/nonexistent/b' }).catch((e: unknown) => e);
    expect((error as ClusterError).message).toMatch(/^no cluster configured/);
  });
});

describe('translateKubeError', () => {
  it('names an untrusted server certificate as such, with the kubeconfig field to check', () => {
    const cause = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const error = translateKubeError(Object.assign(new Error('request failed'), { cause }), 'list pods', 'https://10.0.0.1:6443');
    expect(error.message).toBe(
      'cannot list pods: the API server at https://10.0.0.1:6443 presented a certificate the kubeconfig does not trust (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
    expect(error.hint).toMatch(/certificate-authority/);
  });

  it('keeps calling a refused connection unreachable', () => {
    const error = translateKubeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'list pods', 'https://127.0.0.1:1');
    expect(error.message).toBe('cannot list pods: cluster unreachable at https://127.0.0.1:1 (ECONNREFUSED)');
  });
});
