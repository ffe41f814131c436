import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPipeline } from '../analyze/index.ts';
import { formatText } from './extract.ts';

describe('extract --format text', () => {
  it('shows each quotation with its speaker, then the entities and the places on the map', () => {
    const record = defaultPipeline().analyze({
      text: 'قال وزير الخارجية الأردني أيمن الصفدي في بغداد إن "البلدين سيوقعان اتفاقا".',
      meta: {},
    });
    const text = formatText(record);
    assert.match(text, /أيمن الصفدي \(وزير الخارجية الأردني\) — قال — «البلدين سيوقعان اتفاقا»/);
    assert.match(text, /أشخاص: أيمن الصفدي/);
    assert.match(text, /على الخريطة: بغداد \(Baghdad, IQ\)/);
  });

  it('lists events with their status and claims with their due dates', () => {
    const record = defaultPipeline().analyze({
      text: 'وقصفت الطائرات مواقع في الرقة أمس. وقال الوزير إن "الحرب ستنتهي خلال شهرين".',
      meta: { published: '2017-02-24' },
    });
    const text = formatText(record);
    assert.match(
      text,
      /حدث ASSAULT\/aerial \(وقع\): «وقصفت الطائرات مواقع في الرقة أمس» — الرقة، 2017-02-23/,
    );
    assert.match(text, /ادعاء prediction — الوزير: «الحرب ستنتهي خلال شهرين» — موعده 2017-04-25/);
  });

  it('says when an article has no quotations', () => {
    assert.match(
      formatText(defaultPipeline().analyze({ text: 'يوم هادئ.', meta: {} })),
      /no quotations found/,
    );
  });
});
