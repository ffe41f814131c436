import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiter } from './rate-limit.ts';

test('a client gets its burst, then waits for the refill; others are not affected', () => {
  let now = 0;
  const limiter = new RateLimiter(60, 3, () => now);
  assert.deepEqual(
    [1, 2, 3].map(() => limiter.take('a')),
    [0, 0, 0],
  );
  assert.equal(limiter.take('a'), 1, 'the fourth waits a second (60 a minute)');
  assert.equal(limiter.take('b'), 0);
  now += 1000;
  assert.equal(limiter.take('a'), 0, 'one token back after a second');
  assert.ok(limiter.take('a') > 0);
});
