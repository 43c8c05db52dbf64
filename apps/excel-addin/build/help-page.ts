import { readFileSync } from 'node:fs';
import { Marked } from 'marked';

// help.html: the add-in README, built into a page on the add-in's own host, so each function's `@helpurl`
// (Excel's "Help on this function") opens its section. Headings get GitHub's ids (lower case, punctuation
// dropped, spaces to hyphens), so the same anchors work on the README in the repository. The README is ours:
// its HTML is trusted; images are left out (they are docs/ screenshots, not needed for help).

/** GitHub's heading id: `FIELDS: what each function accepts` → `fields-what-each-function-accepts`. */
export function headingId(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function renderHelpPage(readmePath: string): string {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${headingId(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      image: () => '',
    },
  });
  const body = marked.parse(readFileSync(readmePath, 'utf8'), { async: false });
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<title>YUANTOU add-in — help</title>',
    '<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#242424}',
    'table{border-collapse:collapse}td,th{border:1px solid #c8c8c8;padding:2px 6px}code{background:#f3f3f3}</style>',
    '</head><body><main>',
    body,
    '</main></body></html>',
  ].join('\n');
}
