import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { circles, type FolderGraph, layerProblems, readImports } from '../test/import-layers.js';

// The layering rules of src/ (spelled out in test/import-layers.ts and the README's layout section), held
// against the real imports, and shown to fail on the layout they replaced.

const graphOf = (edges: Record<string, string[]>): FolderGraph =>
  new Map(Object.entries(edges).map(([from, tos]) => [from, new Map(tos.map((to) => [to, `${from}/x.ts`]))]));

describe('the add-in’s layers', () => {
  it('holds for src/: no circle, families import only the ground floors, only the pane imports app/', () => {
    const src = fileURLToPath(new URL('.', import.meta.url));
    const { graph, packages } = readImports(src);
    // The reader sees the real tree (a reader that saw nothing would pass anything).
    expect(graph.get('search')?.has('cells')).toBe(true);
    expect(graph.get('taskpane')?.has('app')).toBe(true);
    expect(packages.get('offers')?.has('@yuantou/core')).toBe(true);
    expect(layerProblems(graph, packages)).toEqual([]);
  });

  it('fails on the layout before the move (functions ↔ runtime, data-types → taskpane, offers → search)', () => {
    // The edges src/ had before app/ and cells/ existed, as the review listed them.
    const before = graphOf({
      functions: ['runtime', 'search', 'data-types'],
      runtime: ['functions', 'offers', 'data-types'],
      'data-types': ['runtime', 'taskpane', 'functions'],
      offers: ['functions', 'search', 'data-types'],
      search: [],
      taskpane: ['functions', 'offers', 'runtime', 'search', 'data-types', 'excel'],
      excel: ['functions', 'data-types', 'runtime'],
    });
    const problems = layerProblems(before);
    expect(problems).toContain('runtime/x.ts (runtime/) imports functions/');
    expect(problems).toContain('data-types/x.ts (data-types/) imports taskpane/');
    expect(problems).toContain('offers/x.ts (offers/) imports search/');
    expect(problems).toContain('circle: functions → runtime → functions');
  });

  it('treats a new folder as a family: it may not import another family, app/ or other packages', () => {
    const problems = layerProblems(
      graphOf({ landed: ['offers', 'cells', 'app'], offers: ['cells'], cells: [] }),
      new Map([['landed', new Set(['@yuantou/core', 'lodash'])]]),
    );
    expect(problems).toEqual([
      'landed/x.ts (landed/) imports offers/',
      'landed/x.ts imports app/',
      'landed/ imports the package lodash',
    ]);
  });

  it('finds a circle through three folders even where each step is allowed by the table', () => {
    expect(circles(graphOf({ cells: ['runtime'], runtime: ['dom'], dom: ['cells'] }))).toEqual([
      ['cells', 'runtime', 'dom', 'cells'],
    ]);
  });
});
