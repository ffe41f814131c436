/**
 * The soak in short form (`npm run soak` is the ten-minute one): an ingest
 * writing while twenty clients search the same store through `isnad serve`;
 * no request may fail, and the server's memory is sampled throughout.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { soak } from '../scripts/soak.ts';

const SECONDS = Number(process.env.SOAK_SECONDS) || 40;

describe('soak (short form)', () => {
  it(`${SECONDS} s of ingest and 20 searching clients: no failed request, memory bounded`, async () => {
    const report = await soak({ seconds: SECONDS, clients: 20, sampleSeconds: 5 });
    console.log(
      `soak: ${report.requests} requests, ${report.failed} failed, p99 ${report.latencyMs.p99} ms, ` +
        `${report.articlesStored} articles stored; serve RSS ${report.samples.map((s) => s[1]).join(' ')} MB`,
    );
    assert.equal(report.failed, 0, report.failures.join('; '));
    assert.ok(report.requests > 1000, `${report.requests} requests`);
    assert.ok(report.articlesStored > 0, 'the ingest wrote while searches ran');
    assert.ok(report.serverPeakMb < 1024, `serve peaked at ${report.serverPeakMb} MB`);
  });
});
