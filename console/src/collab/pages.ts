// The collaboration pages, loaded when first opened so that the first load stays small (issue 13's budget).
export { AllocationPreview } from './AllocationPreview';
export { CollaborationPage } from './CollaborationPage';
export { Collaborations } from './Collaborations';
export { StatementPage } from './StatementPage';
