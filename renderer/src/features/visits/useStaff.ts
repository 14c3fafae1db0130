import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import type { StaffOption } from '../customers/useLookups';

/** The staff members (客户经理) for selects and filters, loaded once per screen; empty without staff.read. */
export function useStaff(): StaffOption[] {
  const { can } = useAuth();
  const [staff, setStaff] = useState<StaffOption[]>([]);
  useEffect(() => {
    if (!can('staff.read')) return;
    void call('staff.options', {})
      .then(setStaff)
      .catch(() => setStaff([]));
  }, [can]);
  return staff;
}
