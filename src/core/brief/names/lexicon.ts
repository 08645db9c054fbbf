/**
 * General English words that tell what a capitalised name is, as news
 * prose writes names: titles and occupations that make the name a
 * person's, head words that make it an organisation's or a place's, and
 * capitalised words that are no names. Nothing here is about one subject.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/).map((word) => word.toLowerCase()));

/** Titles written before a name ("President Joe Biden", "Dr. Tom Frieden"): the name is a person's. */
export const TITLES = set(`
  president vice-president premier chancellor governor mayor senator sen. sen representative rep. rep congressman congresswoman
  congressperson minister secretary secretary-general director-general speaker judge justice magistrate prosecutor attorney
  ambassador envoy consul diplomat king queen prince princess emperor empress sultan emir sheikh sheik ayatollah imam pope cardinal
  archbishop bishop rabbi reverend rev. father sister brother pastor lord lady sir dame baron duke duchess count countess
  general gen. admiral colonel col. major lieutenant lt. captain capt. commander sergeant sgt. corporal private marshal brigadier
  officer detective inspector superintendent commissioner constable sheriff chief chairman chairwoman chairperson chair
  dr. dr doctor professor prof. mr. mr mrs. mrs ms. ms miss mx. madam
  spokesperson spokesman spokeswoman spokespeople aide adviser advisor counsellor counselor councillor councilor alderman
  legislator lawmaker delegate assemblyman assemblywoman deputy taoiseach ombudsman leader head founder co-founder ceo cfo coo cto
  executive manager editor correspondent reporter journalist columnist anchor presenter host analyst economist scientist researcher
  expert professor lecturer teacher student protester protestor activist campaigner organizer organiser candidate nominee voter
  resident citizen witness survivor victim lawyer barrister solicitor physician surgeon nurse ophthalmologist immunologist
  epidemiologist virologist anthropologist historian biologist astronomer geologist engineer architect author writer novelist poet
  artist actor actress singer musician rapper comedian director producer athlete player coach manager owner chef pilot driver
  farmer worker employee official officials member chairman partner rival challenger incumbent contender commentator blogger
  son daughter wife husband mother father brother sister child nephew niece uncle aunt cousin grandson granddaughter grandmother
  grandfather widow widower girlfriend boyfriend fiancee fiancée fiance fiancé spouse
  tweeter pundit strategist consultant negotiator mediator envoy administrator commander-in-chief premier-elect president-elect
  whip superintendent model entrepreneur businessman businesswoman investor banker trader agent operative soldier veteran marine
  pastor priest nun monk principal dean provost rector chancellor registrar librarian curator official
`);

/** Modifiers that may stand between a title and the name or before the title: "former", "acting", "deputy". */
export const TITLE_MODIFIERS = set(`
  former acting interim deputy vice assistant associate senior junior chief principal first second third then-
  incumbent outgoing incoming current sitting late retired newly elected then top federal state regional local national
  international foreign domestic general special executive managing permanent honorary lead head co- joint
`);

/** Capitalised heads that end an organisation's name: "House Judiciary Committee", "Scripps Research". */
export const ORGANISATION_HEADS = set(`
  committee commission council court courts tribunal party parties department ministry agency administration authority bureau
  office service services board union association federation confederation league alliance coalition front movement organisation
  organization institute institution foundation fund trust society club university college school academy centre center
  laboratory lab hospital clinic bank company corporation corp corp. inc inc. ltd ltd. llc plc group holdings industries airlines
  airways news times post journal herald tribune gazette press telegraph observer guardian review-journal magazine network channel
  radio tv television broadcasting media studios records church mosque temple cathedral army navy air force forces corps guard
  police militia brigade battalion regiment division command congress senate parliament assembly legislature cabinet government
  embassy consulate mission delegation team project programme program initiative campaign fund commission caucus convention
  summit conference forum exchange market index reserve treasury
`);

/** Capitalised heads that end a place's name: "Victoria Park", "Grand Bahama Island". */
export const PLACE_HEADS = set(`
  street st road avenue boulevard lane square plaza park garden gardens bridge tower towers building complex hall palace castle
  house airport station port harbour harbor bay gulf sea ocean strait channel river lake lakes mountain mountains mount hill hills
  valley island islands isle cay key peninsula coast beach desert forest province county district state region territory city
  town village borough parish municipality prefecture canton oblast republic kingdom emirate corner point cape falls canyon
  field fields camp base stadium arena
`);

/** Words before a name that make it a named thing, not a person: "Hurricane Dorian", "Operation Peace Spring". */
export const THING_PREFIXES = set(`
  hurricane typhoon cyclone storm tropical depression operation project mount lake fort port cape saint st. st
`);

/** Capitalised words that are never names of anyone: calendar words, sentence openers, pronouns. */
export const NOT_NAME_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  the a an this that these those it its he she they we i you his her their our my your them him us me
  but and or so yet for nor if when while after before since until although though because as at in on by to of from with
  however meanwhile also still then now there here what who whom whose which where why how not no yes all some many most
  mr mrs ms dr image photo video source sources update updated read more see also share comments related
  according following despite during under over about among against across
  covid-19 coronavirus internet web twitter facebook instagram youtube tiktok whatsapp telegram
`);

/** Verbs of speaking, in every form news prose uses: "said", "told", "tweeted", "added". */
export const SPEECH_VERBS = set(`
  say says said saying tell tells told telling add adds added adding state states stated stating
  note notes noted noting write writes wrote writing tweet tweets tweeted tweeting post posts posted
  announce announces announced announcing declare declares declared declaring explain explains explained
  claim claims claimed argue argues argued insist insists insisted warn warns warned continue continues continued
  acknowledge acknowledges acknowledged admit admits admitted concede concedes conceded reply replies replied
  calling saying
  respond responds responded remark remarks remarked comment comments commented recall recalls recalled
  ask asks asked urge urges urged call calls called describe describes described characterize characterizes characterized
  characterise characterises characterised suggest suggests suggested predict predicts predicted promise promises promised
  vow vows vowed pledge pledges pledged deny denies denied reject rejects rejected dismiss dismisses dismissed
  criticize criticizes criticized criticise criticises criticised accuse accuses accused blame blames blamed
  maintain maintains maintained stress stresses stressed emphasize emphasizes emphasized emphasise emphasises emphasised
  indicate indicates indicated report reports reported confirm confirms confirmed
  affirm affirms affirmed agree agrees agreed express expresses expressed
`);

/** Speech verbs that take the speaker after them too: "…," said Pelosi. */
export const INVERTING_VERBS = set(`
  said says added adds asked wrote writes continued replied insisted warned explained noted tweeted told
`);

/** Words that introduce someone new by name: "a student named Wong", "identified only as Ivan". */
export const INTRODUCERS = set(`named called dubbed identified pseudonym alias nicknamed known`);

/** Personal pronouns that refer back to a person. */
export const PERSON_PRONOUNS = set(`he she him her his hers himself herself`);

/** Leading words of a relative clause or apposition: "X, who …,", "X, the …,". */
export const APPOSITION_OPENERS = set(`the a an who formerly former one then also now himself herself`);

const DEMONYM_ENDINGS = /(?:ian|ean|ese|ish)$/;

/** A capitalised adjective of nationality or region ("Ukrainian", "Chinese", "Iraqi"), told by its tag or its ending. */
export function looksLikeDemonym(word: string, pos: string): boolean {
  return /^\p{Lu}\p{Ll}{2,}$/u.test(word) && (pos === 'ADJ' || DEMONYM_ENDINGS.test(word));
}

/** Person nouns by their shape when the list does not have them: "-ist", "-ologist", "-man", "-woman", "-person". */
export function isPersonNoun(word: string): boolean {
  const lower = word.toLowerCase().replace(/[’']s$/, '');
  if (TITLES.has(lower)) return true;
  const singular = lower.endsWith('s') && TITLES.has(lower.slice(0, -1)) ? lower.slice(0, -1) : lower;
  if (TITLES.has(singular)) return true;
  // By shape only for common nouns: "Carmen" and "Truman" are names.
  if (/^\p{Lu}/u.test(word) && !/^\p{Lu}\p{Ll}+(?:ologist|ician)$/u.test(word)) return false;
  return /(?:ologist|ician|ist|man|woman|person|people|men|women)$/.test(lower) && lower.length > 4 && !/^(?:list|mist|twist|wrist|exist|german|human|roman|ottoman)$/.test(lower);
}

/**
 * A capitalised word shaped like a noun for a person's trade ("Broadcaster", "Lawmaker", "Novelist"), read as a title
 * only where capitals tell nothing, at a sentence's start before a full name; a given name ("Peter") is checked apart.
 */
export function looksLikeAgentNoun(word: string): boolean {
  return /^\p{Lu}\p{Ll}{3,}(?:er|or|ist|ian|ant|ent)$/u.test(word);
}

/** Party members as nouns, a person's role only after "a"/"an": "a Republican, Mark Amodei". */
export const PARTY_MEMBERS = set(`republican democrat conservative liberal socialist independent labourite tory`);
