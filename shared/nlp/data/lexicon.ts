/** Word lists the entity rules rely on: titles, cues, function words, dates, name connectors and type heads. */
import { REGIONAL_ORGANISATION_HEADS, REGIONAL_STOPWORDS, REGIONAL_TITLES } from './regional';

const words = (s: string, ...more: ReadonlySet<string>[]): ReadonlySet<string> =>
  new Set([...s.trim().split(/\s+/), ...more.flatMap((m) => [...m])]);

/** Title heads: a capitalised run starting with these is a person's title, not part of the name. */
export const TITLE_HEADS = words(`
  president president-elect minister premier chancellor king queen prince princess emperor empress sultan emir
  sheikh shaikh pope patriarch cardinal archbishop bishop rabbi imam ayatollah senator sen congressman
  congresswoman rep governor gov mayor general gen colonel col major maj captain capt lieutenant lt sergeant
  sgt admiral adm marshal commander ambassador envoy secretary secretary-general chairman chairwoman
  chairperson chair director director-general spokesperson spokesman spokeswoman mr mrs ms miss mx dr prof
  professor sir dame lord lady judge justice speaker leader ceo founder counterpart officer inspector
  detective agent commissioner chief vice-president prime-minister
`, REGIONAL_TITLES);

/** Words that may precede a title head inside the title ('Foreign Minister', 'Former Prime Minister'). */
export const TITLE_MODIFIERS = words(`
  former ex late acting interim deputy vice first prime foreign defence defense interior finance economy
  economic trade energy health justice education culture agriculture transport senior chief supreme grand
  crown assistant under executive state prime foreign-affairs permanent special top presidential military
  opposition party army navy air attorney lord
  dışişleri içişleri enerji ekonomi hazine maliye savunma ticaret ulaştırma adalet sağlık yönetim kurulu
  көлік сыртқы істер қаржы энергетика экономика денсаулық білім әділет ішкі қорғаныс
`);

/** Words that complete a title after 'of' ('Minister of Foreign Affairs', 'Speaker of the House'). */
export const TITLE_COMPLEMENTS = words(`
  affairs state defence defense interior finance justice energy health education commerce agriculture labour
  labor trade economy development transport culture environment treasury security war staff house
  representatives commons lords parliament senate staff police navy army board directors
`);

/** Title heads that are also ordinary name words ('General Motors'): a title only before a longer name. */
export const AMBIGUOUS_TITLE_HEADS = words('general major');

/** Lowercase words right before a capitalised run that mark it as a person ('spokesperson Dmitry Peskov'). */
export const PERSON_CUES = words(`
  spokesperson spokesman spokeswoman counterpart president minister premier leader chairman chairwoman
  ambassador envoy secretary senator governor mayor director chief commander official adviser advisor aide
  analyst lawyer attorney journalist reporter correspondent author professor colleague prosecutor judge
  negotiator diplomat deputy candidate lawmaker legislator mp ceo founder general colonel captain king queen
  prince princess ayatollah cleric activist economist historian researcher mr mrs ms dr executive
`, REGIONAL_TITLES);

/** Reporting verbs: an unknown sentence-initial word followed by one of these is probably a name. */
export const REPORTING_VERBS = words(`
  said says told tells added stated noted announced warned wrote argued insisted claimed confirmed denied
  replied explained stressed urged
  сказал сказала заявил заявила заявило отметил отметила сообщил сообщила сообщило считает деді мәлімдеді айтты
  dedi söyledi açıkladı belirtti опроверг опровергла подчеркнул добавил yalanladı reddetti kaydetti
`);

/** Closed-class and very frequent sentence-opening words: never entities on their own. */
export const STOPWORDS = words(`
  a an the this that these those there here it its it's i we you he she they me us him her them my our your
  his their mine ours yours theirs who whom whose which what when where why how whoever whatever
  and or but nor so yet for of on in at to by with from into onto upon about above below after before
  during since until while though although because if unless whether than as like unlike despite
  without within through throughout between among amid against toward towards across along around
  ahead beyond behind besides except per via also meanwhile however moreover furthermore therefore thus
  nevertheless nonetheless instead indeed still already then now today tomorrow yesterday tonight
  yes no not never always often sometimes perhaps maybe only just even all any some many much more most
  few several each every both either neither other another such same own once again further
  be is are was were been being am do does did done have has had having will would shall should can
  could may might must ought let lets please thanks thank okay ok oh well
  one two three four five six seven eight nine ten first second third last next new
  according following including regarding concerning given based
`, REGIONAL_STOPWORDS);

/** Days and months (and their abbreviations): dates, not entities. */
export const DATE_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

/** Abbreviations whose trailing period does not end a sentence. */
export const NON_TERMINAL_ABBREVIATIONS = words(`
  mr mrs ms dr prof st gen col lt sgt capt adm maj gov sen rep jr sr no vs etc jan feb mar apr jun jul
  aug sep sept oct nov dec mt ft inc corp ltd co u.s u.k
`);

/** Lowercase name particles that stay inside a personal or place name ('Mohammed bin Salman'). */
export const NAME_PARTICLES = words('al el bin ibn van von der den de del della da di du la le dos das y zu ter');

/** Lowercase connectors allowed inside a long institutional name once it has a head ('Conference on …'). */
export const TITLE_CONNECTORS = words('of on for and in the de du des la le at to');

/** Adjectives (besides demonyms) that are capitalised but never entities on their own. */
export const CAPITALISED_ADJECTIVES = words(`
  western eastern northern southern western-backed european asian african arab arabic turkic slavic soviet
  islamic muslim christian jewish catholic orthodox protestant sunni shia shiite nordic baltic balkan latin
  eurasian transatlantic communist kurdish kurd kurds tatar uyghur pashtun caucasian mediterranean
  atlantic pacific anglo english scottish welsh
`);

/** All-caps tokens that are not entities (units, currencies, roles, common initialisms). */
export const NON_ENTITY_ACRONYMS = words(`
  CEO CFO CTO COO GDP GNP TV AM PM OK ID PDF HTML URL USD EUR GBP TL TRY RUB KZT AD BC BCE CE FAQ PS NB
  AKA VIP DIY DNA COVID KM KG MP MW GW LNG LPG
  LLC LLP JSC PJSC АО ТОО ООО ПАО ОАО ЗАО НАО АҚ ЖШС ҰК ҰАК РМК МКК A.Ş.
`);

/** Last words that make a run an organisation ('… Strategic Cooperation Council'). */
export const ORGANISATION_HEADS = words(`
  ministry agency corporation corp inc ltd llc plc company co council party bank university college
  institute association federation committee commission organization organisation union army navy forces
  police service office department court parliament assembly senate group foundation fund authority board
  bureau airlines airways network church front movement alliance league brigade brigades guard cabinet
  government administration society holdings media exchange academy school museum agency trust coalition
  secretariat directorate command corps congress llc llp jsc pjsc ojsc gmbh ag plc a.ş a.ş. ratings logistics
  holding concern railways yolları
`, REGIONAL_ORGANISATION_HEADS);

/** First words that make an 'X of Y' run an organisation ('Ministry of Foreign Affairs'). */
export const ORGANISATION_LEADS = words(`
  ministry university bank organization organisation council department office institute federation
  association union league court commission committee agency board bureau house academy
`);

/** Words that make a run an event ('… Summit', 'Battle of …'). */
export const EVENT_HEADS = words(`
  summit conference forum war wars games olympics festival revolution crisis massacre election
  elections referendum championship championships cup expo uprising protests talks meeting
`);
export const EVENT_LEADS = words('battle siege operation war summit conference');

/** Words that make a run a place ('Middle Corridor', 'Gulf of Mexico'). */
export const PLACE_HEADS = words(`
  republic kingdom emirate emirates sultanate principality sea ocean gulf bay strait river lake mountains
  mount island islands peninsula province region oblast county district city valley desert square street
  avenue corridor canal airport port border route road highway railway pipeline bridge dam palace castle
  stadium cathedral mosque tower park darya облысы облысында облысының
`);
export const PLACE_LEADS = words('republic kingdom gulf sea bay strait isle lake mount cape port city');

/** Last words of runs that name agreements, plans and honours: typed 'other' ('Paris Agreement'). */
export const OTHER_HEADS = words(`
  agreement agreements accord accords treaty initiative declaration protocol plan doctrine act charter
  convention prize award medal deal
`);

/** First words of runs that name honours or documents: typed 'other' ('Order of Friendship'). */
export const OTHER_LEADS = words('order treaty agreement accord declaration charter act medal prize award');
