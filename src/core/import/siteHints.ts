// Site hints (lexicons/import-sites.yaml): which government a site speaks for, and what to cut from its pages
// or where its date sits when the extractor alone gets it wrong. Data, so a new site is a YAML entry.
import { parse } from 'yaml';

export interface SiteHint {
  /** Hosts the hint covers, subdomains included (`gov.uk` covers `www.gov.uk`). */
  hosts: string[];
  /** og:site_name values that name the site, for a page saved or served from elsewhere. */
  siteNames: string[];
  government?: string;
  /** A <meta name> whose content names the publishing office, appended to `government` ("United Kingdom - ..."). */
  organisationMeta?: string;
  /** CSS selectors of elements to drop before extraction. */
  remove: string[];
  /** CSS selectors of the date, tried in order: a `datetime` or `content` attribute, else the element's text. */
  date: string[];
}

export interface SiteHints {
  /** Removed from every page: cookie banners, share bars, feedback forms and such that extractors keep. */
  remove: string[];
  sites: SiteHint[];
}

export const NO_SITE_HINTS: SiteHints = { remove: [], sites: [] };

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

/** The hints in a YAML text; throws on YAML that is not a mapping with `sites` (a build-time file, tested). */
export function parseSiteHints(text: string): SiteHints {
  const data = parse(text, { schema: 'core' }) as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('site hints: not a mapping');
  const rec = data as Record<string, unknown>;
  const sites = Array.isArray(rec.sites) ? rec.sites : [];
  return {
    remove: strings(rec.remove),
    sites: sites.map((raw: unknown, i) => {
      if (raw === null || typeof raw !== 'object') throw new Error(`site hints: site ${i + 1} is not a mapping`);
      const s = raw as Record<string, unknown>;
      return {
        hosts: strings(s.hosts).map((h) => h.toLowerCase()),
        siteNames: strings(s.siteNames),
        government: typeof s.government === 'string' ? s.government : undefined,
        organisationMeta: typeof s.organisationMeta === 'string' ? s.organisationMeta : undefined,
        remove: strings(s.remove),
        date: strings(s.date),
      };
    }),
  };
}

function hostMatches(host: string, hintHost: string): boolean {
  return host === hintHost || host.endsWith(`.${hintHost}`);
}

/**
 * The hint for a page known by these hosts (the URL it came from, its canonical URL) or this site name; the
 * longest matching host wins, so a hint for one ministry's subdomain beats its country's.
 */
export function siteHintFor(hints: SiteHints, hosts: readonly string[], siteName?: string): SiteHint | undefined {
  let best: SiteHint | undefined;
  let bestLength = -1;
  for (const site of hints.sites) {
    for (const h of site.hosts) {
      if (h.length > bestLength && hosts.some((host) => hostMatches(host.toLowerCase(), h))) {
        best = site;
        bestLength = h.length;
      }
    }
  }
  if (best || !siteName) return best;
  const name = siteName.trim().toLowerCase();
  return hints.sites.find((s) => s.siteNames.some((n) => n.toLowerCase() === name));
}
