import { visitHandlers } from './handlers';
import { planHandlers } from './plans';
import { cadenceHandlers } from './cadence';
import { reportHandlers } from './reports';

/** The handler tables of the visits area (backend/index.ts lists them in HANDLER_PARTS). */
export const visitHandlerParts = [visitHandlers, planHandlers, cadenceHandlers, reportHandlers];
