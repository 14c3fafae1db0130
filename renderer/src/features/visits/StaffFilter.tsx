import { Select } from 'antd';
import type { StaffOption } from '../customers/useLookups';

/** A list page's 客户经理 / 拜访人 filter: one staff member or all (cleared), searchable by name or number. */
export function StaffFilter(props: {
  staff: StaffOption[];
  value: number | null;
  onChange: (id: number | null) => void;
  placeholder: string;
  width: number;
  testId: string;
}) {
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ width: props.width }}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(v: number | undefined) => props.onChange(v ?? null)}
      options={props.staff.map((s) => ({ value: s.id, label: `${s.name}（${s.employeeNo}）` }))}
      data-testid={props.testId}
    />
  );
}
