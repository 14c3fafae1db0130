import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';

ModuleRegistry.registerModules([AllCommunityModule]);

export const CJK_FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

/** AG Grid dressed like the Ant Design screens around it. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: CJK_FONT,
  fontSize: 13,
  accentColor: '#1f5fbf',
  headerBackgroundColor: '#f5f7fa',
  headerFontWeight: 600,
  borderColor: '#e5e8ed',
  rowHoverColor: '#eef4fc',
  selectedRowBackgroundColor: '#dce8f8',
  oddRowBackgroundColor: '#fcfcfd',
  borderRadius: 6,
  wrapperBorderRadius: 8,
  spacing: 6,
});

export function gridLocaleText(language: string): Record<string, string> {
  return language.startsWith('zh') ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN;
}
