/** Briefings: who, what figures, who said what, when, and where sources differ — every item cited. */
export { analyseCorpus, buildBriefing, buildTopicPage, citationsOf, type BriefingOptions, type CorpusAnalysis } from './briefing';
export { briefingToMarkdown } from './markdown';
export { defaultTopics, parseTopics, resolveTopic, validateTopics } from './topics';
export type * from './types';
export { knowledgeFor, knowledgeOfBundledCorpus, NO_KNOWLEDGE, type CorpusKnowledge, type KnownEntity } from './knowledge';
