import * as assert from 'assert';
import { formatCount } from '../../src/core/text/format';

describe('formatCount', () => {
  it('groups thousands with commas whatever the locale', () => {
    assert.strictEqual(formatCount(0), '0');
    assert.strictEqual(formatCount(999), '999');
    assert.strictEqual(formatCount(1234567), '1,234,567');
    assert.strictEqual(formatCount(5_242_880), (5_242_880).toLocaleString('en-US'));
  });
});
