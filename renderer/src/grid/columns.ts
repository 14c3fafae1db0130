import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { SetFilter, type SetFilterParams } from './SetFilter';
import { formatInstant } from '../shell/format';

/**
 * Column definitions for server-side grids. Each filter kind matches the backend whitelist (shared/grids):
 * text, number and date use AG Grid's filters; set uses our SetFilter. Ranges are inclusive, as the SQL is.
 */
export function textColumn(field: string, headerName: string, extra: ColDef = {}): ColDef {
  return {
    field,
    headerName,
    filter: 'agTextColumnFilter',
    filterParams: { filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'], maxNumConditions: 2 },
    ...extra,
  };
}

export function numberColumn(field: string, headerName: string, extra: ColDef = {}): ColDef {
  return {
    field,
    headerName,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    filterParams: { inRangeInclusive: true, maxNumConditions: 2 },
    ...extra,
  };
}

export function dateColumn(field: string, headerName: string, kind: 'date' | 'instant', extra: ColDef = {}): ColDef {
  return {
    field,
    headerName,
    filter: 'agDateColumnFilter',
    filterParams: { inRangeInclusive: true, maxNumConditions: 1, filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'] },
    valueFormatter: kind === 'instant' ? (p) => formatInstant(p.value as string) : undefined,
    ...extra,
  };
}

export function setColumn(field: string, headerName: string, values: SetFilterParams['values'], extra: ColDef = {}): ColDef {
  const labels = new Map(values.map((v) => [v.value, v.label]));
  return {
    field,
    headerName,
    filter: SetFilter,
    filterParams: { values } satisfies SetFilterParams,
    valueFormatter: (p) => (p.value == null ? '' : (labels.get(String(p.value)) ?? String(p.value))),
    ...extra,
  };
}

/** Set values for an enum whose labels live under `enums.<name>.<value>`. */
export function enumValues(t: TFunction, name: string, values: readonly string[]): SetFilterParams['values'] {
  return values.map((value) => ({ value, label: t(`enums.${name}.${value}`) }));
}
