/** Briefings: who, what figures, who said what, when, and where sources differ — every item cited. */
export { analyseCorpus, buildBriefing, buildTopicPage, citationsOf, type BriefingOptions, type CorpusAnalysis } from './briefing';
export { briefingToMarkdown } from './markdown';
export { defaultTopics, parseTopics, resolveTopic, validateTopics } from './topics';
export { CURATED_ENTITIES, type CuratedEntity } from './entityAliases';
export type * from './types';
