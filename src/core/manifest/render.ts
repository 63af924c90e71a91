/** Renders a resolved IstioOperator into Kubernetes objects in apply order (filled in by the component builders). */
import type { IstioOperator, RenderedObject } from './types.js';

/** Every enabled component's objects, sorted for apply. */
export function renderOperator(iop: IstioOperator): RenderedObject[] {
  void iop;
  return [];
}
