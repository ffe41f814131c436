/** The article record's schema identifier (spec/OUTPUT.md); a breaking change bumps it. */
export const SCHEMA_ID = 'isnad/article@1';
