import { createRequire } from 'node:module';

const requireFromHere = createRequire(__filename);

const THEMES: Record<string, string> = {
  light: 'atlassian-light',
  dark: 'atlassian-dark',
  spacing: 'atlassian-spacing',
  typography: 'atlassian-typography',
  shape: 'atlassian-shape',
};

/** Atlaskit's own theme CSS, which Jira's frame applies when a page calls view.theme.enable(). */
export function themeCss(name: string): string | null {
  const file = THEMES[name];
  if (!file) return null;
  try {
    const loaded: unknown = requireFromHere(`@atlaskit/tokens/dist/cjs/artifacts/themes/${file}.js`);
    const css = (loaded as { default?: unknown }).default;
    return typeof css === 'string' ? css : null;
  } catch {
    return null;
  }
}
