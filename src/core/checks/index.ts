/** Writing checks: figures and quotes against the sources, support for claims, tidy citations. */
export { citationAt, type CitationTarget } from './citationAt';
export { checkClaims, supportFor, type ClaimFinding, type ClaimSupport } from './claimCheck';
export { draftProse, type DraftProse } from './draftText';
export { checkFigures, type FigureFinding } from './figureCheck';
export { findFigures, type Figure, type FigureBound, type FigureDate, type FigureUnit } from './numbers';
export { checkQuotes, type QuoteCheckOptions, type QuoteFinding } from './quoteCheck';
export { findQuotes, type DraftQuote } from './quotes';
export { resolveSpeaker, type Speaker } from './speakers';
export { citedDocIdsInOrder, tidyFootnotes, type TidyResult, type TidySummary } from './tidyFootnotes';
