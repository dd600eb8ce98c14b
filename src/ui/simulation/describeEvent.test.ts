import { describe, expect, it } from 'vitest';
import { describeEvent } from './describeEvent';

describe('timeline step descriptions', () => {
  it('name the module, what happened to it and why', () => {
    expect(
      describeEvent({ type: 'declined', module: 'func_odbc', reason: 'cascade', causes: ['res_odbc'] }),
    ).toBe('func_odbc declined because of res_odbc');
    expect(describeEvent({ type: 'started', module: 'res_odbc', pulledBy: 'func_odbc' })).toBe(
      'res_odbc started (for func_odbc)',
    );
    expect(
      describeEvent({
        type: 'open-failed',
        module: 'chan_x',
        pass: 1,
        missingLinks: ['res_y'],
        final: false,
      }),
    ).toBe('chan_x failed to open: needs res_y (retried next pass)');
  });
});
