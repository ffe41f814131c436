/**
 * The text-core components: tokens, clitic segments, and paragraph / quote /
 * sentence structure.
 */
import { cliticSegmenter } from '../../text/clitics.ts';
import { analyseStructure } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import type { Component } from '../pipeline.ts';

export const tokenizeComponent: Component = {
  name: 'tokenize',
  version: '1',
  requires: ['text'],
  provides: ['tokens'],
  run(doc) {
    doc.tokens = tokenize(doc.text);
  },
};

export const cliticsComponent: Component = {
  name: 'clitics',
  version: '1',
  requires: ['tokens'],
  provides: ['segments'],
  run(doc) {
    const segmenter = cliticSegmenter();
    doc.segments = doc.tokens.map((t) =>
      t.kind === 'arabic' ? segmenter.partsAt(doc.text, t.start, t.end) : undefined,
    );
  },
};

export const structureComponent: Component = {
  name: 'structure',
  version: '1',
  requires: ['tokens'],
  provides: ['paragraphs', 'sentences', 'quote-marks'],
  run(doc) {
    const s = analyseStructure(doc.text, doc.tokens);
    doc.structure = s;
    for (const m of s.unmatchedMarks) {
      doc.diagnose({
        code: 'unmatched-quote-mark',
        message: `quotation mark ${m.mark} at offset ${m.at} has no partner`,
        start: m.at,
        end: m.at + m.mark.length,
      });
    }
  },
};
