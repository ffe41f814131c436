/** The named-entity tagger: BIO tags over PER, ORG, LOC and MISC. */
export { NerTagger, nerTagger } from './model.ts';
export { ENTITY_TYPES, type EntityType, spansOf, spansOfIndices, TAGS, type TagSpan } from './tags.ts';
