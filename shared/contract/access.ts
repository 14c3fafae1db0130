import { z } from 'zod';
import { channel } from './channel';
import { empty, id } from '../schemas/common';
import { historyRow } from '../schemas/customer';
import {
  accessApproveInput,
  accessCustomerView,
  accessDefaults,
  accessLookupHit,
  accessLookupInput,
  accessRejectInput,
  accessRequestInput,
  accessRequestRow,
  orderCycleDecideInput,
  orderCyclePendingInput,
  orderCycleRejectInput,
  orderCycleRow,
} from '../schemas/access';
import { gridPageSchema, gridQuerySchema } from '../grid';
import { customerHistoryColumns } from '../grids/customers';
import { accessRequestColumns, orderCycleColumns } from '../grids/access';

/**
 * Access requests from other departments (requester: customers.requestAccess; supervisor:
 * customers.approveAccess) and order-cycle change approval (customers.approveOrderCycle).
 * A grant holder reads one customer's archive through the access.view* channels, never through customers.*.
 */
export const accessChannels = {
  'access.defaults': channel({ input: empty, output: accessDefaults, access: 'authenticated', tx: 'read' }),
  'access.lookup': channel({
    input: accessLookupInput,
    output: z.array(accessLookupHit),
    access: 'customers.requestAccess',
    tx: 'read',
  }),
  'access.request': channel({
    input: accessRequestInput,
    output: accessRequestRow,
    access: 'customers.requestAccess',
    tx: 'write',
  }),
  'access.mine': channel({
    input: gridQuerySchema(accessRequestColumns),
    output: gridPageSchema(accessRequestRow),
    access: 'customers.requestAccess',
    tx: 'read',
  }),
  'access.query': channel({
    input: gridQuerySchema(accessRequestColumns),
    output: gridPageSchema(accessRequestRow),
    access: 'customers.approveAccess',
    tx: 'read',
  }),
  'access.approve': channel({
    input: accessApproveInput,
    output: accessRequestRow,
    access: 'customers.approveAccess',
    tx: 'write',
  }),
  'access.reject': channel({
    input: accessRejectInput,
    output: accessRequestRow,
    access: 'customers.approveAccess',
    tx: 'write',
  }),
  // 'manual': every opening of an archive through a grant is written to the audit log.
  'access.viewCustomer': channel({
    input: z.object({ customerId: id }).strict(),
    output: accessCustomerView,
    access: 'customers.requestAccess',
    tx: 'manual',
  }),
  'access.viewHistory': channel({
    input: gridQuerySchema(customerHistoryColumns, { customerId: id }),
    output: gridPageSchema(historyRow),
    access: 'customers.requestAccess',
    tx: 'read',
  }),
  'orderCycle.query': channel({
    input: gridQuerySchema(orderCycleColumns),
    output: gridPageSchema(orderCycleRow),
    access: 'customers.approveOrderCycle',
    tx: 'read',
  }),
  'orderCycle.pending': channel({
    input: orderCyclePendingInput,
    output: orderCycleRow.nullable(),
    access: 'customers.read',
    tx: 'read',
  }),
  'orderCycle.approve': channel({
    input: orderCycleDecideInput,
    output: orderCycleRow,
    access: 'customers.approveOrderCycle',
    tx: 'write',
  }),
  'orderCycle.reject': channel({
    input: orderCycleRejectInput,
    output: orderCycleRow,
    access: 'customers.approveOrderCycle',
    tx: 'write',
  }),
};
