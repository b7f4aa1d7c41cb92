// The article of an HTML page as an ImportedReadout: linkedom parses the page, the site hints cut what the
// extractor keeps by mistake, @mozilla/readability finds the article, and its blocks become paragraphs.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { dateLine, isoDate } from '../core/import/dates';
import { ImportError } from '../core/import/errors';
import { joinLineWraps, type ImportedReadout } from '../core/import/readoutText';
import { siteHintFor, type SiteHint, type SiteHints } from '../core/import/siteHints';

/** The few DOM members used here: linkedom's types are its own, and the project compiles without lib.dom. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument extends DomElement {
  title: string;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Elements that end a paragraph: each one's text is a paragraph of its own. */
const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS', 'HEADER']);
/** Metadata that holds a page's publication date, tried in this order after the site's own hint. */
const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="dcterms.date"]',
  'meta[name="dcterms.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="DC.Date"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
];
/** Where a visible date line usually is, when the metadata has none. */
const DATE_PLACES = 'time, [class*="date"], [class*="Date"], [class*="published"], [class*="meta"], dd, p, span';
/** An article shorter than this is a landing page, an error page or a stub, not a readout. */
const MIN_ARTICLE_CHARS = 120;

export interface ExtractOptions {
  /** The URL the page came from (the `source`), or undefined for a file or the clipboard. */
  url?: string;
  hints: SiteHints;
}

function selectAll(root: DomElement, selector: string): DomElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // a selector the DOM cannot parse is a faulty hint, not a faulty page
  }
}

function attr(el: DomElement | null | undefined, name: string): string | undefined {
  const v = el?.getAttribute(name)?.trim();
  return v ? v : undefined;
}

function metaContent(doc: DomDocument, selector: string): string | undefined {
  return selectAll(doc, selector).map((el) => attr(el, 'content')).find((v) => v !== undefined);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** The page's own date from the hint's selectors, its metadata, JSON-LD or a <time> element. */
function metadataDate(doc: DomDocument, hint: SiteHint | undefined): string | undefined {
  for (const selector of [...(hint?.date ?? []), ...DATE_META]) {
    for (const el of selectAll(doc, selector)) {
      const raw = attr(el, 'datetime') ?? attr(el, 'content') ?? (el.nodeName === 'META' ? undefined : el.textContent ?? undefined);
      const day = raw === undefined ? undefined : el.nodeName === 'META' || attr(el, 'datetime') ? isoDate(raw) : dateLine(raw) ?? isoDate(raw);
      if (day) return day;
    }
  }
  for (const script of selectAll(doc, 'script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    const day = m ? isoDate(m[1]) : undefined;
    if (day) return day;
  }
  return isoDate(attr(doc.querySelector('time[datetime]'), 'datetime') ?? '');
}

/** The first element whose whole text is a date line ("Published 5 July 2024"), in document order. */
function visibleDate(root: DomElement): string | undefined {
  for (const el of selectAll(root, DATE_PLACES)) {
    const text = el.textContent ?? '';
    if (text.length > 120) continue;
    const day = dateLine(joinLineWraps(text));
    if (day) return day;
  }
  return undefined;
}

/** A <br> in the buffer: one is a line wrap like the source's own newlines, two in a row end a paragraph. */
const BR = '\u2028';

/** The article's blocks as paragraphs: inline text joined, two <br> in a row splitting a block. */
export function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = (): void => {
    for (const part of buffer.split(/\u2028\s*\u2028/)) {
      const p = joinLineWraps(part);
      if (p) paragraphs.push(p);
    }
    buffer = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      buffer += BR;
      return;
    }
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
    else if (name === 'TD' || name === 'TH') buffer += ' ';
  };
  walk(root);
  flush();
  return paragraphs;
}

/** The clean title: an <h1> that the <title> contains (without the site name after it), else Readability's. */
function titleOf(doc: DomDocument, extracted: string | null | undefined): string | undefined {
  const pageTitle = joinLineWraps(metaContent(doc, 'meta[property="og:title"]') ?? doc.title ?? '');
  for (const h1 of selectAll(doc, 'h1')) {
    const text = joinLineWraps(h1.textContent ?? '');
    if (text.length >= 8 && text.length <= 300 && pageTitle.includes(text)) return text;
  }
  const fallback = joinLineWraps(extracted ?? '') || pageTitle;
  return fallback || undefined;
}

/** The readout in an HTML page; throws ImportError('no-article') when the page holds no article. */
export function extractReadout(html: string, options: ExtractOptions): ImportedReadout {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const canonical = attr(document.querySelector('link[rel="canonical"]'), 'href') ?? metaContent(document, 'meta[property="og:url"]');
  const siteName = metaContent(document, 'meta[property="og:site_name"]');
  const hosts = [hostOf(options.url), hostOf(canonical)].filter((h): h is string => h !== undefined);
  const hint = siteHintFor(options.hints, hosts, siteName);
  const organisation = hint?.organisationMeta ? metaContent(document, `meta[name="${hint.organisationMeta}"]`) : undefined;
  const government = hint?.government && organisation ? `${hint.government} - ${organisation}` : hint?.government;
  // Read before anything is cut: the date often sits in a header or a metadata block that is cut next.
  let date = metadataDate(document, hint);
  for (const selector of [...options.hints.remove, ...(hint?.remove ?? [])]) for (const el of selectAll(document, selector)) el.remove();
  const title = titleOf(document, undefined);
  date ??= visibleDate(document);

  const article = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  const content = article?.content;
  let paragraphs = content ? paragraphsOf(content) : [];
  const finalTitle = title ?? (joinLineWraps(article?.title ?? '') || undefined);
  // Readability keeps a heading or a date line at the top of the article now and then; the front matter has them.
  paragraphs = paragraphs.filter((p, i) => {
    if (i < 4 && finalTitle !== undefined && p === finalTitle) return false;
    // A summary shown above the body often repeats its first paragraph.
    if (i > 0 && p === paragraphs[i - 1]) return false;
    if (i < 4 && dateLine(p)) {
      date ??= dateLine(p);
      return false;
    }
    return true;
  });
  date ??= isoDate(article?.publishedTime ?? '');
  // A page whose text is mostly links (a list of news, a search page) has no article, whatever Readability found.
  const linkChars = content ? selectAll(content as DomElement, 'a').reduce((n, a) => n + joinLineWraps(a.textContent ?? '').length, 0) : 0;
  if (paragraphs.join(' ').length - linkChars < MIN_ARTICLE_CHARS) {
    throw new ImportError('no-article', 'no article found on the page (it may be a list of links, a search page or a page that needs JavaScript)');
  }
  return { title: finalTitle, date, source: options.url, government, paragraphs };
}

/** The blocks of an HTML fragment (a selection copied from a browser) as paragraphs, without extraction. */
export function fragmentParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: DomDocument };
  for (const el of selectAll(document, 'script, style, noscript, template')) el.remove();
  return paragraphsOf(document.querySelector('body') ?? document);
}
