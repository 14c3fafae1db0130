/** The browser host renders PDFs with the same Chromium the tests drive: one definition, in the host. */
export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/browser-host/chromium';
