/** HTTP route policies whose values have ranges a schema does not state: retries, fault injection, mirroring, redirects, CORS. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each } from '../types.js';

/** Conditions Envoy's router accepts in retryOn, besides HTTP status codes. */
const RETRY_ON = new Set([
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'envoy-ratelimited',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
]);
const CORS_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);
/** gRPC status names (grpc/doc/statuscodes.md). */
const GRPC_STATUS = new Set([
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
]);
const REDIRECT_CODES = new Set([300, 301, 302, 303, 304, 305, 307, 308]);

function percent(value: unknown, at: FieldPath, ctx: RuleContext): void {
  const v = (value as { value?: unknown } | undefined)?.value;
  if (typeof v === 'number' && (v < 0 || v > 100)) ctx.report([...at, 'value'], `percentage ${v} must be between 0 and 100`);
}

export const virtualServiceHttpPolicies: SemanticRule = {
  name: 'virtualservice.http-policies',
  description: 'retries, faults, mirror percentages, redirect codes and CORS methods are within their ranges',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    each(spec.http, (http: any, i) => {
      const at = ['spec', 'http', i];
      const retries = http?.retries;
      if (retries) {
        if (typeof retries.attempts === 'number' && retries.attempts < 0) ctx.report([...at, 'retries', 'attempts'], 'attempts must not be negative');
        if (typeof retries.retryOn === 'string') {
          for (const cond of retries.retryOn.split(',').map((c: string) => c.trim())) {
            if (cond === '' || /^[1-5][0-9]{2}$/.test(cond) || RETRY_ON.has(cond)) continue;
            ctx.report([...at, 'retries', 'retryOn'], `unknown retry condition "${cond}"`);
          }
        }
      }
      const abort = http?.fault?.abort;
      if (abort) {
        // Istio accepts 600 too, though it documents 200-599.
        if (typeof abort.httpStatus === 'number' && (abort.httpStatus < 200 || abort.httpStatus > 600))
          ctx.report([...at, 'fault', 'abort', 'httpStatus'], `HTTP status ${abort.httpStatus} must be between 200 and 599`);
        if (typeof abort.grpcStatus === 'string' && !GRPC_STATUS.has(abort.grpcStatus))
          ctx.report([...at, 'fault', 'abort', 'grpcStatus'], `unknown gRPC status "${abort.grpcStatus}"; use a name such as UNAVAILABLE or NOT_FOUND`);
        if (abort.http2Error !== undefined) ctx.report([...at, 'fault', 'abort', 'http2Error'], 'HTTP/2 error abort injection is not supported yet');
        percent(abort.percentage, [...at, 'fault', 'abort', 'percentage'], ctx);
        if (abort.httpStatus === undefined && abort.grpcStatus === undefined && abort.http2Error === undefined)
          ctx.report([...at, 'fault', 'abort'], 'abort is configured without httpStatus or grpcStatus: it does nothing', 'warning');
      }
      const delay = http?.fault?.delay;
      if (delay) {
        percent(delay.percentage, [...at, 'fault', 'delay', 'percentage'], ctx);
        if (typeof delay.percent === 'number' && (delay.percent < 0 || delay.percent > 100))
          ctx.report([...at, 'fault', 'delay', 'percent'], `percent ${delay.percent} must be between 0 and 100`);
        if (delay.exponentialDelay !== undefined)
          ctx.report([...at, 'fault', 'delay', 'exponentialDelay'], 'exponentialDelay is not supported yet; use fixedDelay');
      }
      if (http?.fault && !http.fault.abort && !http.fault.delay) ctx.report([...at, 'fault'], 'fault injection needs an abort and/or a delay');
      percent(http?.mirrorPercentage, [...at, 'mirrorPercentage'], ctx);
      for (const key of ['mirrorPercent', 'mirror_percent']) {
        if (typeof http?.[key] !== 'number') continue;
        if (http[key] > 100) ctx.report([...at, key], `${key} ${http[key]} must be at most 100`);
        ctx.report([...at, key], `${key} is deprecated; use mirrorPercentage`, 'warning');
      }
      each(http?.mirrors, (m: any, j) => percent(m?.percentage, [...at, 'mirrors', j, 'percentage'], ctx));
      const code = http?.redirect?.redirectCode;
      if (typeof code === 'number' && !REDIRECT_CODES.has(code))
        ctx.report([...at, 'redirect', 'redirectCode'], `redirect code ${code} is not a 3xx redirect status`);
      const status = http?.directResponse?.status;
      if (typeof status === 'number' && (status < 200 || status > 599))
        ctx.report([...at, 'directResponse', 'status'], `status ${status} must be between 200 and 599`);
      each<string>(http?.corsPolicy?.allowMethods, (m, j) => {
        if (typeof m === 'string' && !CORS_METHODS.has(m))
          ctx.report([...at, 'corsPolicy', 'allowMethods', j], `"${m}" is not an HTTP method (methods are upper case)`);
      });
      if (http?.corsPolicy?.allowOrigin) ctx.report([...at, 'corsPolicy', 'allowOrigin'], 'allowOrigin is deprecated; use allowOrigins', 'warning');
    });
  },
};
