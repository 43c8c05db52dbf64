import { associateCustomFunctions } from 'virtual:custom-functions-associate';
import { officeScriptLoaded } from '../runtime/office-start.js';
import '../app/shared-runtime.js';

// Registers =SUPPLIERS, =PRODUCTS and =PRODUCTSBYIMAGE. "office.js defines Office and a queuing
// CustomFunctions.associate synchronously: calling associate at module top level is safe" — when office.js
// has already run (Excel's functions runtime, a blocking <script>) we associate at once; the pane loads
// office.js async, so there we associate as soon as it has run, which is still before the host script makes
// Office.onReady resolve. Outside Office this resolves false. Importing shared-runtime starts the settings gate.

const associateNow = () => (typeof CustomFunctions === 'undefined' ? null : associateCustomFunctions());

export const customFunctionsRegistered: Promise<boolean> = Promise.resolve(associateNow()).then(
  async (done) => done ?? ((await officeScriptLoaded()) && associateCustomFunctions()),
);
