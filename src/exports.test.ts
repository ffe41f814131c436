/** Pins the public surface: a change here is a change for every user of the package. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import * as isnad from './index.ts';

it('exports exactly the public names', () => {
  assert.deepEqual(Object.keys(isnad).sort(), [
    'Doc',
    'IsnadError',
    'Pipeline',
    'createPipeline',
    'defaultPipeline',
    'ingest',
    'record',
    'text',
  ]);
  assert.deepEqual(Object.keys(isnad.text).sort(), [
    'SEARCH_FORM',
    'analyseStructure',
    'chars',
    'cliticSegmenter',
    'createSegmenter',
    'decodeBytes',
    'dediacritise',
    'foldDigits',
    'foldKey',
    'foldLetters',
    'frequenciesFrom',
    'lightStem',
    'normalize',
    'resolveEncodingLabel',
    'searchForm',
    'sniffBinary',
    'stripControls',
    'tokenize',
    'wordFrequencies',
  ]);
  assert.deepEqual(Object.keys(isnad.record).sort(), [
    'ArticleRecordSchema',
    'ErrorLineSchema',
    'SCHEMA_ID',
    'articleJsonSchema',
    'spansOf',
    'validateRecord',
  ]);
  assert.deepEqual(Object.keys(isnad.ingest).sort(), [
    'DEFAULT_MAX_BYTES',
    'articleFromHtmlBytes',
    'articleFromJson',
    'articleFromTextBytes',
    'extractHtmlMeta',
    'extractHtmlText',
    'htmlToArticle',
    'readInputs',
    'sanitizeText',
  ]);
});
