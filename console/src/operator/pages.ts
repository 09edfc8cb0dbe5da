// The operator's pages, loaded when the operator first opens one, so that partners never load them.
export { ExpiringInsurance } from './ExpiringInsurance';
export { NetworkFiguresPage } from './NetworkFigures';
export { Optimiser } from './Optimiser';
export { OperatorPartners } from './Partners';
