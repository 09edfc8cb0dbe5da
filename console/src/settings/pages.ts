// The settings pages, loaded when first opened so that the first load stays small (issue 13's budget).
export { ApiKeys } from './ApiKeys';
export { Delegations } from './Delegations';
export { Profile } from './Profile';
export { Webhooks } from './Webhooks';
export { Compliance } from '../after/Compliance';
