/**
 * "Who" questions over the bundled texts, for setting how well a role the
 * briefing read must match a question to answer it (ROLE_MATCH in
 * searchIndex.ts). Each names the person the texts say it is, or null when
 * no role the briefing reads can say (who hosted, who mediated): there the
 * right answer is none, and search by meaning answers instead. Written
 * before any of them was run; a development set (the threshold is set on
 * it), not a held-out one.
 */
export interface WhoQuestion {
  readonly question: string;
  /** The person's name as the briefing gives it, or null: no role answers it. */
  readonly person: string | null;
}

export const WHO_QUESTIONS: readonly WhoQuestion[] = [
  { question: 'who speaks for the Kremlin', person: 'Dmitry Peskov' },
  { question: "who is America's top diplomat", person: 'Marco Rubio' },
  { question: "who is the Kremlin's press secretary", person: 'Dmitry Peskov' },
  { question: "who is Washington's chief diplomat", person: 'Marco Rubio' },
  { question: "who is Russia's foreign minister", person: 'Sergey Lavrov' },
  { question: "who is Moscow's top diplomat", person: 'Sergey Lavrov' },
  { question: "who is Kyiv's defence chief", person: 'Rustem Umerov' },
  { question: "who runs Ukraine's military ministry", person: 'Rustem Umerov' },
  { question: 'who heads the Russian state', person: 'Vladimir Putin' },
  { question: 'who is the American head of state', person: 'Donald Trump' },
  { question: "who is Ukraine's leader", person: 'Volodymyr Zelensky' },
  { question: "who leads Ukraine's delegation", person: 'Rustem Umerov' },
  { question: 'who hosted the talks', person: null },
  { question: 'who mediated between the sides', person: null },
  { question: 'who was freed in the prisoner swap', person: null },
  { question: 'who set a fifty-day deadline', person: null },
  { question: 'who wants reparations', person: null },
  { question: 'who doubts the threat will be carried out', person: null },
];
