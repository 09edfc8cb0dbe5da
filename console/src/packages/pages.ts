// The reload package pages, loaded when first opened so that the first load stays small (issue 13's budget).
export { PackageDealPage } from './PackageDealPage';
export { PackagePage } from './PackagePage';
