/** Versions mesh reports and targets. Kept in one place so tests can pin them. */

/** mesh's own version (kept in step with package.json by a unit test). */
export const MESH_VERSION = '0.1.0';

/** The Istio release whose images, CRDs and injection mesh reproduces by default. */
export const ISTIO_VERSION = '1.30.3';

/** Default image registry for Istio's images. */
export const ISTIO_HUB = 'docker.io/istio';
