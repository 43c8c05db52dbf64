import { associateCustomFunctions } from 'virtual:custom-functions-associate';

// Registers =SUPPLIERS, =PRODUCTS and =PRODUCTSBYIMAGE. office.js (loaded by taskpane.html before any module)
// defines CustomFunctions inside Excel; in a plain browser this is a no-op.
export const customFunctionsRegistered = associateCustomFunctions();
