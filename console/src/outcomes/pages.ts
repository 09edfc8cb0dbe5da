// A partner's outcomes and a carrier's reload outlook, loaded when first opened (issue 13's first-load budget).
export { OutcomesPage } from './OutcomesPage';
export { ReloadOutlookPage } from './ReloadOutlook';
