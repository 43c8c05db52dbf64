// Light or dark, as Office is. `Office.context.officeTheme` (Microsoft's docs, "Office.OfficeTheme") gives the
// host's body and control colours — and `isDarkTheme` on newer hosts; where it is absent (older hosts, the
// preview in a browser) the browser's prefers-color-scheme decides. The pane keeps its own two palettes
// (src/taskpane/theme.css, each pair measured for WCAG AA contrast) instead of painting Office's raw colours:
// a host colour next to our accent and muted text could fall below 4.5:1 and no test would see it.
// Office raises OfficeThemeChanged only in some hosts (PowerPoint/Word per the docs); where adding the handler
// fails, the pane follows the theme it opened with.

export type ColorScheme = 'light' | 'dark';

/** The parts of `Office.OfficeTheme` read here (all optional: hosts fill what they know). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** WCAG 2.x relative luminance of `#rrggbb` (or `#rgb`); null for anything else. */
export function relativeLuminance(color: string): number | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1–21), null when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | null {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return null;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The scheme for Office's theme: `isDarkTheme` when the host says, else a body background darker than mid
 * grey (luminance below 0.18: Office's dark grey #262626 and black are dark, white and colourful are light),
 * else the browser's preference.
 */
export function schemeFor(theme: OfficeThemeColors | null | undefined, prefersDark: boolean): ColorScheme {
  if (typeof theme?.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  const luminance = theme?.bodyBackgroundColor ? relativeLuminance(theme.bodyBackgroundColor) : null;
  if (luminance !== null) return luminance < 0.18 ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

function officeTheme(): OfficeThemeColors | null {
  try {
    const office = (globalThis as { Office?: { context?: { officeTheme?: OfficeThemeColors } } }).Office;
    return office?.context?.officeTheme ?? null;
  } catch {
    return null; // some hosts throw on officeTheme instead of leaving it undefined
  }
}

/**
 * Sets `data-theme` on the page from Office's theme (or the browser's preference), now and when either
 * changes. Call again once Office.onReady has resolved: officeTheme is only there after it.
 */
export function followTheme(doc: Document): ColorScheme {
  const view = doc.defaultView;
  const media = view?.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = () => {
    const scheme = schemeFor(officeTheme(), media?.matches ?? false);
    doc.documentElement.dataset.theme = scheme;
    return scheme;
  };
  if (doc.documentElement.dataset.themeWatched !== 'true') {
    doc.documentElement.dataset.themeWatched = 'true';
    media?.addEventListener?.('change', apply);
    try {
      const office = (globalThis as { Office?: typeof Office }).Office;
      office?.context?.document?.addHandlerAsync?.(
        'officeThemeChanged' as unknown as Office.EventType,
        apply,
        () => {}, // a host without the event answers with an error: nothing to do
      );
    } catch {
      // no Office, or a host that throws: the theme it opened with stays
    }
  }
  return apply();
}
