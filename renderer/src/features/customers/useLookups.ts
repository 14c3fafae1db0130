import { useEffect, useMemo, useState } from 'react';
import type { CodeListEntry } from '@shared/schemas/admin';
import type { CodeListName } from '@shared/schemas/customer';
import { call } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';

export interface StaffOption {
  id: number;
  employeeNo: string;
  name: string;
  active: boolean;
}

export interface Lookups {
  codes: CodeListEntry[];
  staff: StaffOption[];
  /** Active entries of one code list, for a select. */
  options(list: CodeListName): { value: string; label: string }[];
  /** Label of a code (also of inactive entries, so old records still read well). */
  label(list: string, code: string): string | undefined;
}

/** Code lists and customer managers, loaded once per screen. */
export function useLookups(): Lookups | null {
  const { can } = useAuth();
  const [data, setData] = useState<{ codes: CodeListEntry[]; staff: StaffOption[] } | null>(null);
  useEffect(() => {
    void Promise.all([call('codeLists.list', {}), can('staff.read') ? call('staff.options', {}) : Promise.resolve([])]).then(([codes, staff]) =>
      setData({ codes, staff }),
    );
  }, [can]);
  // One object per load: the grids' column definitions depend on it, and a new object on every render made AG
  // Grid rebuild its headers (closing an open filter menu after each click).
  return useMemo(
    () =>
      data && {
        ...data,
        options: (list: CodeListName) => data.codes.filter((c) => c.list === list && c.active).map((c) => ({ value: c.code, label: c.label })),
        label: (list: string, code: string) => data.codes.find((c) => c.list === list && c.code === code)?.label,
      },
    [data],
  );
}
