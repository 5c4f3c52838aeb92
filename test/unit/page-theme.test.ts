import { describe, expect, it } from 'vitest';
import { luminance, themeOf } from '../../src/content/page-theme.js';

describe('themeOf', () => {
  it('follows the first opaque background from the text outwards', () => {
    expect(themeOf(['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)', 'rgb(255, 255, 255)'])).toBe('dark');
    expect(themeOf(['rgba(0, 0, 0, 0)', 'rgb(251, 250, 247)'])).toBe('light');
    expect(themeOf(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'])).toBe('auto');
    expect(themeOf(['rgb(120, 120, 120)'])).toBe('auto');
  });

  it('reads rgb and rgba in both syntaxes', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgb(0 0 0 / 80%)')).toBe(0);
    expect(luminance('rgba(0, 0, 0, 0.1)')).toBeNull();
    expect(luminance('transparent')).toBeNull();
  });
});
