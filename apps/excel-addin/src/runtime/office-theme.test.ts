import { describe, expect, it } from 'vitest';
import { contrastRatio, schemeFor } from './office-theme.js';

describe('Office theme', () => {
  it('measures contrast as WCAG does (black on white 21:1, the brand orange 2.87:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ff6a00', '#ffffff')).toBeCloseTo(2.87, 2);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 5);
    expect(contrastRatio('orange', '#fff')).toBeNull();
  });

  it('keeps the pane palette above AA: darkened orange carries text, the brand orange does not', () => {
    // The same pairs src/taskpane/theme.css uses (light: page and white panels; dark: #1f1f1f / #292929).
    expect(contrastRatio('#b84a00', '#fafafa')!).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#ffffff', '#b84a00')!).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#ff9a4d', '#292929')!).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#1f1f1f', '#ff9a4d')!).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#ff6a00', '#fafafa')!).toBeLessThan(3);
  });

  it('follows isDarkTheme, then the body background, then the browser', () => {
    expect(schemeFor({ isDarkTheme: true, bodyBackgroundColor: '#ffffff' }, false)).toBe('dark');
    expect(schemeFor({ isDarkTheme: false }, true)).toBe('light');
    // Office's dark grey and black themes, and the white and colourful ones.
    expect(schemeFor({ bodyBackgroundColor: '#262626' }, false)).toBe('dark');
    expect(schemeFor({ bodyBackgroundColor: '#000000' }, false)).toBe('dark');
    expect(schemeFor({ bodyBackgroundColor: '#ffffff' }, true)).toBe('light');
    expect(schemeFor({ bodyBackgroundColor: '#e6e6e6' }, true)).toBe('light');
    expect(schemeFor(null, true)).toBe('dark');
    expect(schemeFor({ bodyBackgroundColor: 'not a colour' }, false)).toBe('light');
  });
});
