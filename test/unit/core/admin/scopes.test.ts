import { describe, expect, it } from 'vitest';
import { parseScopeLevels, parseScopes, planScopeChanges, type ScopeInfo } from '../../../../src/core/admin/scopes.js';

const scopes: ScopeInfo[] = ['ads', 'default'].map((name) => ({ name, description: '', output_level: 'info', stack_trace_level: 'none' }));

describe('ControlZ scopes', () => {
  it('reads /scopej/ and sorts by name; refuses what is not a list of named scopes', () => {
    expect(parseScopes('[{"name":"z","output_level":"warn"},{"name":"a"}]')).toEqual([
      { name: 'a', description: '', output_level: '', stack_trace_level: '' },
      { name: 'z', description: '', output_level: 'warn', stack_trace_level: '' },
    ]);
    for (const body of ['', '{}', '[{"description":"x"}]', '<html>']) expect(parseScopes(body)).toBeUndefined();
  });

  it('splits scope:level pairs, scope names with dashes and spaces included', () => {
    expect(parseScopeLevels('ads:debug, kube-client:warn', '--level')).toEqual([
      { scope: 'ads', level: 'debug' },
      { scope: 'kube-client', level: 'warn' },
    ]);
    expect(() => parseScopeLevels('ads:debug:x', '--level')).toThrow('--level: "ads:debug:x" is not <scope>:<level>');
  });

  it('plans one change per scope, both levels together; resets touch every scope', () => {
    expect(planScopeChanges({ level: 'ads:debug', stackTraceLevel: 'ads:error' }, scopes)).toEqual([
      { name: 'ads', output_level: 'debug', stack_trace_level: 'error' },
    ]);
    expect(planScopeChanges({ stackTraceReset: true }, scopes)).toEqual([
      { name: 'ads', stack_trace_level: 'none' },
      { name: 'default', stack_trace_level: 'none' },
    ]);
    expect(planScopeChanges({ logReset: true, stackTraceLevel: 'ads:warn' }, scopes)).toEqual([
      { name: 'ads', output_level: 'info' },
      { name: 'default', output_level: 'info' },
    ]);
    expect(planScopeChanges({}, scopes)).toEqual([]);
  });
});
