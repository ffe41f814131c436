/** Reading inputs into articles: text, web pages, JSON Lines. */

export { extractHtmlMeta, extractHtmlText, htmlToArticle } from './html.ts';
export {
  articleFromHtmlBytes,
  articleFromJson,
  articleFromTextBytes,
  DEFAULT_MAX_BYTES,
  type InputItem,
  readInputs,
} from './inputs.ts';
export { sanitizeText } from './sanitize.ts';
