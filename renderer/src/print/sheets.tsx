import type { ComponentType } from 'react';
import { CustomerCardSheet } from './sheets/CustomerCardSheet';
import { CustomerHistorySheet } from './sheets/CustomerHistorySheet';
import { ComplaintSheet } from './sheets/ComplaintSheet';
import { FileIndexSheet } from './sheets/FileIndexSheet';

/** Props every sheet receives: the id from the route `#/print/<sheet>/<id>`. */
export interface SheetProps {
  id: string;
}

/**
 * Every printable sheet, by the name used in its route. A sheet loads its own data through the contract and
 * renders a <PrintSheet ready={…}>; see README.md.
 */
export const SHEETS: Record<string, ComponentType<SheetProps>> = {
  'customer-card': CustomerCardSheet,
  'customer-history': CustomerHistorySheet,
  complaint: ComplaintSheet,
  'file-index': FileIndexSheet,
};
