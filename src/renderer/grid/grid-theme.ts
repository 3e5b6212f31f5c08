import { colorSchemeDark, colorSchemeLight, themeQuartz } from 'ag-grid-community';
import { usePrefersDark } from './use-prefers-dark';

// Quartz in the shell's colours (see styles/app.css: --bg, --text, --accent, ...), a little
// denser than its default, since month-end review means many rows on screen.
const shared = {
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  wrapperBorderRadius: 8,
  borderRadius: 4,
} as const;

const lightGridTheme = themeQuartz.withPart(colorSchemeLight).withParams({
  ...shared,
  backgroundColor: '#ffffff',
  foregroundColor: '#1b2230',
  accentColor: '#2563c9',
  borderColor: '#dde2ea',
  headerBackgroundColor: '#f4f6f9',
  oddRowBackgroundColor: '#fafbfc',
});

const darkGridTheme = themeQuartz.withPart(colorSchemeDark).withParams({
  ...shared,
  backgroundColor: '#171b22',
  foregroundColor: '#e4e8ef',
  accentColor: '#6ea0ff',
  borderColor: '#2c333f',
  headerBackgroundColor: '#1e232c',
  oddRowBackgroundColor: '#1a1e26',
});

export function useGridTheme() {
  return usePrefersDark() ? darkGridTheme : lightGridTheme;
}
